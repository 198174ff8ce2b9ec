// Turns the pinned upstream modules in sources.ts into one clean CRD file each, cached by a hash of
// the source list, so only the first start pays for `go mod download` and YAML processing.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import YAML from 'yaml';
import {
  sources,
  type CrdSource,
  type GoStringCrdSource,
  type KubevirtCrdSpec,
  type KubevirtSource,
  type ModuleRef,
  type YamlSource,
} from './sources.ts';

/** Bump when the processing below changes, so cached folders are rebuilt. */
const REVISION = 2;
export const SOURCE_ANNOTATION = 'devcluster.stratus/source';
/** Hash of the CRD as written; installCrds skips the write when the cluster already has it. */
export const DIGEST_ANNOTATION = 'devcluster.stratus/digest';

export type Json = string | number | boolean | null | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

interface Index {
  revision: number;
  files: string[];
  modules: string[];
}

export function sourcesHash(): string {
  return createHash('sha256')
    .update(JSON.stringify({ REVISION, sources }))
    .digest('hex')
    .slice(0, 16);
}

export function crdDir(cacheDir: string): string {
  return path.join(cacheDir, 'crds', sourcesHash());
}

export async function prepareCrds(cacheDir: string): Promise<string[]> {
  const dir = crdDir(cacheDir);
  const warm = readIndex(dir);
  if (warm) return warm;

  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  await fsp.mkdir(tmp, { recursive: true });
  try {
    const dirs = await downloadModules(sources);
    const crds = new Map<string, JsonObject>();
    for (const source of sources) {
      const root = dirs.get(moduleKey(source));
      if (!root) throw new Error(`crds: no module dir for ${moduleKey(source)}`);
      const origin = `${moduleKey(source)} (${source.id})`;
      const docs = await readSource(source, root);
      for (const doc of docs) {
        const crd = cleanCrd(doc, origin);
        const name = crdName(crd);
        if (crds.has(name))
          throw new Error(`crds: ${name} comes from two sources (second: ${origin})`);
        crds.set(name, crd);
      }
      const missing = source.expect.filter((n) => !docs.some((d) => crdName(d) === n));
      if (missing.length > 0) {
        throw new Error(
          `crds: ${origin} yielded no ${missing.join(', ')}; did upstream move them?`,
        );
      }
    }

    const names = [...crds.keys()].sort();
    await Promise.all(
      names.map((name) =>
        fsp.writeFile(
          path.join(tmp, `${name}.yaml`),
          // No aliases: KubeVirt versions share one schema object, and plain YAML is easier to read.
          YAML.stringify(crds.get(name), { lineWidth: 0, aliasDuplicateObjects: false }),
        ),
      ),
    );
    const index: Index = {
      revision: REVISION,
      files: names.map((n) => `${n}.yaml`),
      modules: [...dirs.keys()],
    };
    // The index is written last: its presence is what marks the folder complete.
    await fsp.writeFile(path.join(tmp, 'index.json'), JSON.stringify(index, null, 2));
    try {
      await fsp.rename(tmp, dir);
    } catch (err) {
      // A concurrent run got there first; its folder is as good as ours.
      if (!readIndex(dir)) throw err;
    }
  } finally {
    await fsp.rm(tmp, { recursive: true, force: true });
  }
  const files = readIndex(dir);
  if (!files) throw new Error(`crds: ${dir} is incomplete after writing it`);
  return files;
}

function readIndex(dir: string): string[] | undefined {
  let index: Index;
  try {
    index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as Index;
  } catch {
    return undefined;
  }
  if (index.revision !== REVISION || !Array.isArray(index.files)) return undefined;
  const files = index.files.map((f) => path.join(dir, f));
  return files.every((f) => fs.existsSync(f)) ? files : undefined;
}

function moduleKey(ref: ModuleRef): string {
  return `${ref.module}@${ref.version}`;
}

async function downloadModules(list: ModuleRef[]): Promise<Map<string, string>> {
  const keys = [...new Set(list.map(moduleKey))];
  // No go.mod needed: run outside any module, and let `go` resolve and verify each version alone.
  const cwd = await fsp.mkdtemp(path.join(os.tmpdir(), 'stratus-crds-'));
  try {
    const dirs = await mapLimit(keys, 4, (key) => goModDownload(key, cwd));
    return new Map(keys.map((k, i) => [k, dirs[i] ?? '']));
  } finally {
    await fsp.rm(cwd, { recursive: true, force: true });
  }
}

const execFileP = promisify(execFile);

async function goModDownload(key: string, cwd: string): Promise<string> {
  let stdout: string;
  try {
    ({ stdout } = await execFileP('go', ['mod', 'download', '-json', key], {
      cwd,
      env: { ...process.env, GOFLAGS: '-mod=mod' },
      maxBuffer: 16 << 20,
    }));
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stdout?: string; stderr?: string };
    if (e.code === 'ENOENT')
      throw new Error('crds: Go is not installed; it is needed to fetch CRDs');
    // On failure `go mod download -json` still prints the JSON, with an Error field.
    stdout = e.stdout ?? '';
    if (!stdout) throw new Error(`crds: go mod download ${key} failed: ${e.stderr ?? e.message}`);
  }
  const info = JSON.parse(stdout) as { Dir?: string; Error?: string };
  if (info.Error || !info.Dir)
    throw new Error(`crds: go mod download ${key}: ${info.Error ?? 'no Dir'}`);
  return info.Dir;
}

async function readSource(source: CrdSource, root: string): Promise<JsonObject[]> {
  switch (source.type) {
    case 'yaml':
      return readYamlSource(source, root);
    case 'go-string-crds':
      return readGoStringSource(source, root);
    case 'kubevirt':
      return readKubevirtSource(source, root);
  }
}

async function readYamlSource(source: YamlSource, root: string): Promise<JsonObject[]> {
  const files = (await Promise.all(source.files.map((p) => expand(root, p)))).flat();
  const docs: JsonObject[] = [];
  for (const file of files) {
    const text = await fsp.readFile(file, 'utf8');
    docs.push(...parseCrds(text, path.relative(root, file)));
  }
  return docs;
}

async function readGoStringSource(source: GoStringCrdSource, root: string): Promise<JsonObject[]> {
  const entries = goStringMap(await fsp.readFile(path.join(root, source.file), 'utf8'));
  return source.keys.flatMap((key) => {
    const text = entries.get(key);
    if (text === undefined) throw new Error(`crds: ${source.file} has no entry "${key}"`);
    return parseCrds(text, `${source.file}[${key}]`);
  });
}

async function readKubevirtSource(source: KubevirtSource, root: string): Promise<JsonObject[]> {
  const [validationsGo, crdsGo] = await Promise.all([
    fsp.readFile(path.join(root, source.validationsFile), 'utf8'),
    fsp.readFile(path.join(root, source.crdsGoFile), 'utf8'),
  ]);
  const validations = goStringMap(validationsGo);
  return source.crds.map((spec) => {
    // The names are copied by hand from crds.go; catch a version bump that changed them.
    const shortNames = `ShortNames: []string{${spec.shortNames.map((s) => `"${s}"`).join(', ')}}`;
    if (!crdsGo.includes(shortNames)) {
      throw new Error(`crds: ${source.crdsGoFile} no longer has ${shortNames} (${spec.kind})`);
    }
    const text = validations.get(spec.singular);
    if (text === undefined)
      throw new Error(`crds: ${source.validationsFile} has no "${spec.singular}"`);
    const schema = asObject(YAML.parse(text), `${source.validationsFile}[${spec.singular}]`);
    return kubevirtCrd(spec, schema);
  });
}

/** Builds the CRD the way crds.go does: same schema on every version, labels `kubevirt.io: ""`. */
function kubevirtCrd(spec: KubevirtCrdSpec, validation: JsonObject): JsonObject {
  const names: JsonObject = {
    plural: spec.plural,
    singular: spec.singular,
    shortNames: spec.shortNames,
    kind: spec.kind,
  };
  if (spec.categories) names.categories = spec.categories;
  const versions: Json[] = spec.versions.map((v) => {
    const version: JsonObject = { name: v.name, served: v.served, storage: v.storage };
    if (v.deprecated) version.deprecated = true;
    if (v.deprecationWarning) version.deprecationWarning = v.deprecationWarning;
    const schema = validation.openAPIV3Schema;
    if (schema === undefined)
      throw new Error(`crds: ${spec.singular} validation has no openAPIV3Schema`);
    version.schema = { openAPIV3Schema: schema };
    if (spec.statusSubresource) version.subresources = { status: {} };
    if (spec.columns) {
      version.additionalPrinterColumns = spec.columns.map((c) => ({ ...c }) as JsonObject);
    }
    return version;
  });
  const crdSpec: JsonObject = { group: spec.group, names, scope: spec.scope, versions };
  if (spec.conversionNone) crdSpec.conversion = { strategy: 'None' };
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${spec.plural}.${spec.group}`, labels: { 'kubevirt.io': '' } },
    spec: crdSpec,
  };
}

const GO_BACKTICK = '` + "`" + `';

/** Entries of a Go `map[string]string{ "key": `raw`, }` literal, as generated by KubeVirt and CDI. */
export function goStringMap(src: string): Map<string, string> {
  // Hide the spelled-out backticks first, so one at a line end cannot close the match early.
  const hidden = src.split(GO_BACKTICK).join('\u0000');
  const out = new Map<string, string>();
  for (const m of hidden.matchAll(/^\t"([\w-]+)": `([^`]*)`,$/gm)) {
    const [, key, body] = m;
    if (key !== undefined && body !== undefined) out.set(key, body.split('\u0000').join('`'));
  }
  if (out.size === 0) throw new Error('crds: found no map entries in a generated Go file');
  return out;
}

// Helm directives, not Go-template examples that CAPI quotes in descriptions.
const HELM = /\{\{-?\s*(\.Values|\.Release|\.Chart|include |template |if |end|range |toYaml)/;

function parseCrds(text: string, origin: string): JsonObject[] {
  if (HELM.test(text)) throw new Error(`crds: ${origin} is a Helm template, not plain YAML`);
  const out: JsonObject[] = [];
  for (const doc of YAML.parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(`crds: ${origin}: ${doc.errors[0]?.message}`);
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    const obj = asObject(value, origin);
    if (obj.kind !== 'CustomResourceDefinition') continue;
    if (obj.apiVersion !== 'apiextensions.k8s.io/v1') {
      throw new Error(`crds: ${origin}: ${String(obj.apiVersion)} CRDs are not served any more`);
    }
    out.push(obj);
  }
  return out;
}

/**
 * Makes an upstream CRD installable without the operator around it. Schemas stay untouched.
 *
 * Conversion webhooks go, since no webhook server runs here. Multi-version CRDs keep every version
 * upstream serves, so both apiVersions answer; with `None` conversion the server only rewrites
 * `apiVersion`, so an object written in one version and read in another is not converted (fields
 * that moved are pruned or missing). Write and read each kind in its storage version.
 */
function cleanCrd(doc: JsonObject, origin: string): JsonObject {
  const crd = structuredClone(doc);
  const name = crdName(crd);
  const metadata = asObject(crd.metadata, `${origin} metadata`);
  const spec = asObject(crd.spec, `${name} spec`);
  delete metadata.creationTimestamp;
  delete crd.status;

  const annotations: JsonObject = {};
  for (const [k, v] of Object.entries(maybeObject(metadata.annotations) ?? {})) {
    // cert-manager CA injection targets a webhook Service that does not exist here.
    if (!/cert-manager|webhook/i.test(k)) annotations[k] = v;
  }
  annotations[SOURCE_ANNOTATION] = origin;
  metadata.annotations = annotations;

  const conversion = maybeObject(spec.conversion);
  if (conversion && conversion.strategy !== 'None') delete spec.conversion;

  const versions = Array.isArray(spec.versions) ? spec.versions : [];
  const storage = versions.filter((v) => maybeObject(v)?.storage === true);
  if (storage.length !== 1) throw new Error(`crds: ${name} has ${storage.length} storage versions`);
  annotations[DIGEST_ANNOTATION] = createHash('sha256').update(JSON.stringify(crd)).digest('hex');
  return crd;
}

export function crdName(doc: JsonObject): string {
  const name = maybeObject(doc.metadata)?.name;
  if (typeof name !== 'string' || !name) throw new Error('crds: a CRD without metadata.name');
  return name;
}

function asObject(v: unknown, what: string): JsonObject {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new Error(`crds: ${what} is not a map`);
  return v as JsonObject;
}

function maybeObject(v: unknown): JsonObject | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonObject) : undefined;
}

/** `dir/name*.yaml` style: `*` may appear in the last segment only, which is all sources need. */
async function expand(root: string, pattern: string): Promise<string[]> {
  const dir = path.join(root, path.dirname(pattern));
  const base = path.basename(pattern);
  if (!base.includes('*')) return [path.join(dir, base)];
  const re = new RegExp(`^${base.split('*').map(escapeRe).join('[^/]*')}$`);
  const matches = (await fsp.readdir(dir)).filter((f) => re.test(f)).sort();
  if (matches.length === 0) throw new Error(`crds: nothing matches ${pattern} in ${root}`);
  return matches.map((f) => path.join(dir, f));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Runs `fn` over `items`, at most `limit` at a time, keeping order. */
export async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
