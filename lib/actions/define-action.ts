import 'server-only';

import { randomUUID } from 'node:crypto';

import type { z } from 'zod';

import { requireKube, type Viewer } from '../auth/session';
import { fieldErrorsOf, issueMessage } from '../forms/issues';
import { msg, type Msg } from '../i18n/messages';
import { getT } from '../i18n/server';
import type { Verb } from '../k8s/access';
import type { KubeClient } from '../k8s/client';
import { problemOf, renderProblem, type Problem } from '../k8s/errors';
import type { ModelId } from '../k8s/models';
import { logError } from '../log';
import { metrics } from '../serving/metrics.mjs';
import type { ActionResult } from './result';

/** What an action needs Kubernetes to allow: read by the isolation suites, never for deciding. */
export interface ActionNeed {
  verb: Verb;
  model: ModelId;
  subresource?: string;
  /** The API group serving the subresource, when not the model's (subresources.kubevirt.io). */
  group?: string;
}

export interface ActionSpec<S extends z.ZodType, O> {
  /** Unique, and the name the action is exported under. */
  name: string;
  input: S;
  needs: ActionNeed[];
  /** Field errors are reported relative to this key of the input: the part a form edits. */
  form?: keyof z.output<S> & string;
  /** What the person tried, for the error mapper: "delete service "web"". */
  describe: (input: z.output<S>) => { action: Msg; kind?: string };
  /** Rules the schema can't hold (they depend on configuration), checked before any session. */
  precheck?: (input: z.output<S>) => Problem | undefined;
  run: (ctx: { kube: KubeClient; viewer: Viewer; input: z.output<S> }) => Promise<O>;
}

export interface ActionInfo {
  name: string;
  input: z.ZodType;
  needs: ActionNeed[];
  form?: string;
}

export type ServerAction<S extends z.ZodType, O> = ((
  input: z.input<S>,
) => Promise<ActionResult<O>>) & { readonly info: ActionInfo };

/** What a person is told about input the schema refused (the fuzzing suite renders it too). */
export function invalidInput(error: z.ZodError, form?: string): Problem {
  const fields = fieldErrorsOf(error, form);
  const onForm = form !== undefined && Object.keys(fields).length > 0;
  // A rule over the whole input (a typed confirmation) says what it wants; anything else
  // the browser could only have sent by hand.
  const whole = error.issues.find((i) => i.path.length === 0);
  return {
    code: 'invalid',
    status: 422,
    // One problem (a small form, a single size box) is said as it is, not as "check the fields".
    message: onForm ? singleOrCheck(fields) : whole ? issueMessage(whole) : msg('error.badRequest'),
    ...(onForm ? { fields } : {}),
  };
}

function singleOrCheck(fields: Record<string, Msg>): Msg {
  const only = Object.values(fields);
  return only.length === 1 && only[0] ? only[0] : msg('error.checkFields');
}

/**
 * The one way to make a server action: the browser's arguments are parsed like form input, the
 * signed-in person is resolved, and every failure becomes a mapped, translated error; the raw error
 * goes to the server log with a request id. It never throws to the browser.
 */
export function defineAction<S extends z.ZodType, O>(spec: ActionSpec<S, O>): ServerAction<S, O> {
  const action = async (raw: z.input<S>): Promise<ActionResult<O>> => {
    const t = await getT();
    const parsed = spec.input.safeParse(raw);
    if (!parsed.success) {
      const problem = invalidInput(parsed.error, spec.form);
      metrics().actions.inc({ action: spec.name, outcome: 'invalid' });
      return { ok: false, error: renderProblem(problem, t) };
    }
    const input = parsed.data;
    const refused = spec.precheck?.(input);
    if (refused) {
      metrics().actions.inc({ action: spec.name, outcome: refused.code });
      return { ok: false, error: renderProblem(refused, t) };
    }
    try {
      const { kube, viewer } = await requireKube();
      const data = await spec.run({ kube, viewer, input });
      metrics().actions.inc({ action: spec.name, outcome: 'ok' });
      return { ok: true, data };
    } catch (err) {
      const problem = problemOf(err, spec.describe(input));
      metrics().actions.inc({ action: spec.name, outcome: problem.code });
      const requestId = randomUUID();
      logError(`action ${spec.name} failed`, err, { requestId, code: problem.code });
      return { ok: false, error: { ...renderProblem(problem, t), requestId } };
    }
  };
  return Object.assign(action, {
    info: {
      name: spec.name,
      input: spec.input,
      needs: spec.needs,
      ...(spec.form ? { form: spec.form } : {}),
    },
  });
}
