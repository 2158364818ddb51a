{{/*
A hook Job that runs files/console-plugins.sh. Call with (dict "root" $ "action" "enable"|"disable"
"hook" "<helm hooks>").
*/}}
{{- define "plugin.hookJob" -}}
{{- $root := .root -}}
{{- $job := $root.Values.console.hookJob -}}
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ printf "%s-%s" (include "plugin.hookName" $root) .action }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "plugin.labels" $root | nindent 4 }}
  annotations:
    helm.sh/hook: {{ .hook }}
    helm.sh/hook-weight: "0"
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
spec:
  backoffLimit: 2
  activeDeadlineSeconds: {{ $job.activeDeadlineSeconds }}
  template:
    metadata:
      labels:
        {{- include "plugin.labels" $root | nindent 8 }}
    spec:
      restartPolicy: Never
      serviceAccountName: {{ include "plugin.hookName" $root }}
      securityContext:
        {{- include "plugin.podSecurityContext" $root | nindent 8 }}
      {{- with $root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: console-plugins
          image: {{ $job.image | quote }}
          imagePullPolicy: {{ $job.pullPolicy }}
          command:
            - /bin/sh
            - -c
            - |
              {{- $root.Files.Get "files/console-plugins.sh" | nindent 14 }}
            - console-plugins.sh
            - {{ .action }}
            - {{ include "plugin.name" $root }}
          env:
            # oc keeps its discovery cache under $HOME; the root filesystem is read-only.
            - name: HOME
              value: /tmp
          resources:
            {{- include "plugin.resources" $job.resources | trim | nindent 12 }}
          securityContext:
            {{- include "plugin.containerSecurityContext" $root | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: 64Mi
{{- end -}}
