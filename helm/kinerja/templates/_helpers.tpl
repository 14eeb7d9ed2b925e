{{/*
Every deployable (the gateway and each entry of .Values.subgraphs, merged over subgraphDefaults) as
one map name → settings, so each template is a single loop and a new subgraph is one values entry.
Used as: range $name, $d := include "kinerja.deployables" . | fromJson
*/}}
{{- define "kinerja.deployables" -}}
{{- $out := dict "gateway" (mergeOverwrite (deepCopy .Values.gateway) (dict "component" "gateway")) -}}
{{- range $name, $svc := .Values.subgraphs -}}
{{- $merged := mergeOverwrite (deepCopy $.Values.subgraphDefaults) (deepCopy $svc) (dict "component" "subgraph") -}}
{{- $_ := set $out $name $merged -}}
{{- end -}}
{{- toJson $out -}}
{{- end -}}

{{/* Object name of a deployable: <release>-<name>. */}}
{{- define "kinerja.name" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels that select a deployable's pods (stable across upgrades). */}}
{{- define "kinerja.selectorLabels" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "kinerja.labels" -}}
{{ include "kinerja.selectorLabels" . }}
app.kubernetes.io/part-of: kinerja
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* Labels on every object not tied to one deployable (NetworkPolicies). */}}
{{- define "kinerja.commonLabels" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: kinerja
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "kinerja.image" -}}
{{- $global := .root.Values.global.image -}}
{{- $image := .d.image | default dict -}}
{{- $repository := $image.repository | default (printf "kinerja/%s" .name) -}}
{{- $tag := $image.tag | default $global.tag | default .root.Chart.AppVersion -}}
{{- if $global.registry -}}
{{- printf "%s/%s:%s" (trimSuffix "/" $global.registry) $repository $tag -}}
{{- else -}}
{{- printf "%s:%s" $repository $tag -}}
{{- end -}}
{{- end -}}

{{/* Fixed on purpose (not values): the project's policy is non-root, read-only, no privileges. */}}
{{- define "kinerja.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "kinerja.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: ['ALL']
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* URL of identity's JWKS, which every subgraph uses to verify tokens. */}}
{{- define "kinerja.jwksUrl" -}}
{{- $identity := required "subgraphs.identity is required: every subgraph verifies tokens with its JWKS" .Values.subgraphs.identity -}}
{{- printf "http://%s:%v/.well-known/jwks.json" (include "kinerja.name" (dict "root" . "name" "identity")) $identity.port -}}
{{- end -}}

{{/* Environment variables from Secrets: DATABASE_URL and Kafka credentials for a subgraph, the gateway signing secret for all, then secretEnv. */}}
{{- define "kinerja.secretEnv" -}}
{{- if eq .d.component "subgraph" }}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ .root.Values.postgresql.existingSecret }}
      key: {{ printf "%s-database-url" .name }}
{{- include "kinerja.kafkaSecurityEnv" . }}
{{- end }}
{{- /* The gateway signs its subgraph requests; the subgraphs refuse what is not signed. */}}
- name: GATEWAY_SIGNING_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ .root.Values.gatewaySigning.existingSecret }}
      key: secret
{{- range $var, $ref := .d.secretEnv }}
- name: {{ $var }}
  valueFrom:
    secretKeyRef:
      name: {{ $ref.secretName }}
      key: {{ $ref.key }}
      {{- if $ref.optional }}
      optional: true
      {{- end }}
{{- end }}
{{- end -}}

{{/* A subgraph's (or its migration Job's) Kafka security: its own SCRAM principal and the brokers' CA. */}}
{{- define "kinerja.kafkaSecurityEnv" -}}
{{- $security := .root.Values.kafka.security }}
{{- if $security.tls }}
- name: KAFKA_SSL
  value: "true"
{{- if $security.caFromSecret }}
- name: KAFKA_SSL_CA
  valueFrom:
    secretKeyRef:
      name: {{ $security.existingSecret }}
      key: ca.crt
{{- end }}
{{- end }}
{{- with $security.saslMechanism }}
- name: KAFKA_SASL_MECHANISM
  value: {{ . | quote }}
{{- range $part := list "username" "password" }}
- name: KAFKA_SASL_{{ upper $part }}
  valueFrom:
    secretKeyRef:
      name: {{ $security.existingSecret }}
      key: {{ printf "%s-%s" $.name $part }}
{{- end }}
{{- end }}
{{- end -}}

{{- define "kinerja.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .sizeLimit }}
{{- end -}}
