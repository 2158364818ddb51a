{{/*
The plugin's name is the chart's name, never the release's: the console requires the ConsolePlugin
name to equal the name in plugin-manifest.json and the plugin's i18n namespace.
*/}}
{{- define "plugin.name" -}}
{{- .Chart.Name -}}
{{- end -}}

{{- define "plugin.hookName" -}}
{{- printf "%s-console-hook" (include "plugin.name" .) -}}
{{- end -}}

{{- define "plugin.certificateSecretName" -}}
{{- default (printf "%s-cert" (include "plugin.name" .)) .Values.certificateSecretName -}}
{{- end -}}

{{- define "plugin.selectorLabels" -}}
app.kubernetes.io/name: {{ include "plugin.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "plugin.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "plugin.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: {{ include "plugin.name" . }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "plugin.image" -}}
{{- $repository := .Values.image.repository | default (printf "image-registry.openshift-image-registry.svc:5000/%s/%s" .Release.Namespace (include "plugin.name" .)) -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" $repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repository (.Values.image.tag | default .Chart.AppVersion) -}}
{{- end -}}
{{- end -}}

{{/*
The security context every container of the chart runs with: what OpenShift's restricted-v2 SCC
and the "restricted" Pod Security Standard require. No runAsUser: OpenShift assigns a UID from the
namespace's range.
*/}}
{{- define "plugin.podSecurityContext" -}}
runAsNonRoot: true
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "plugin.containerSecurityContext" -}}
allowPrivilegeEscalation: false
privileged: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/*
Requests and limits with every quantity as a string: `--set resources.limits.cpu=1` gives a number,
which would otherwise reach the API as a float-formatted value.
*/}}
{{- define "plugin.resources" -}}
{{- range $section := list "requests" "limits" }}
{{- with index $ $section }}
{{ $section }}:
{{- range $resource, $quantity := . }}
  {{ $resource }}: {{ $quantity | toString | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- end -}}
