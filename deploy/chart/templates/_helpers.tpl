{{/* Names. The dashboard's ServiceAccount and namespace are fixed: the shipped RBAC names them. */}}
{{- define "stratus.name" -}}stratus{{- end -}}
{{- define "stratus.serviceAccountName" -}}stratus-dashboard{{- end -}}
{{- define "stratus.labels" -}}
app.kubernetes.io/name: stratus
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}
{{- define "stratus.selectorLabels" -}}
app.kubernetes.io/name: stratus
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
{{- define "stratus.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{/*
The manifests of one file under files/ (links to deploy/rbac and deploy/policies, so the chart and a
plain kubectl apply ship the same rules), with the local cluster's User subject for the dashboard
dropped (in a cluster it is the ServiceAccount) and the operator group taken from the values.
*/}}
{{- define "stratus.manifests" -}}
{{- $root := index . 0 -}}
{{- $file := index . 1 -}}
{{- $operatorGroups := list -}}
{{- range $root.Values.operatorGroups }}{{ $operatorGroups = append $operatorGroups (printf "%s%s" $root.Values.oidc.groupPrefix .) }}{{ end -}}
{{- range $raw := regexSplit "(?m)^---\\s*$" ($root.Files.Get $file) -1 }}
{{- $o := fromYaml $raw }}
{{- if and $o $o.kind }}
{{- if $o.subjects }}
{{- $subjects := list }}
{{- range $s := $o.subjects }}
{{- if and (eq $s.kind "User") (eq $s.name "stratus-dashboard") }}
{{- else if and (eq $s.kind "Group") (eq $s.name "oidc:stratus-operators") }}
{{- range $g := $operatorGroups }}{{ $subjects = append $subjects (dict "apiGroup" "rbac.authorization.k8s.io" "kind" "Group" "name" $g) }}{{ end }}
{{- else }}
{{- $subjects = append $subjects $s }}
{{- end }}
{{- end }}
{{- $_ := set $o "subjects" $subjects }}
{{- end }}
{{- $meta := $o.metadata | default dict }}
{{- $_ := set $meta "labels" (merge ($meta.labels | default dict) (fromYaml (include "stratus.labels" $root))) }}
---
{{ toYaml $o }}
{{- end }}
{{- end }}
{{- end -}}
