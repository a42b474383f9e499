{{/* Names and labels. */}}
{{- define "tandem.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "tandem.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "tandem.selectorLabels" -}}
app.kubernetes.io/name: {{ include "tandem.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "tandem.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "tandem.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "tandem.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "tandem.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "tandem.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* Where the checkpoint key's Secret is mounted; the file in it is TANDEM_CHECKPOINT_KEY_FILE. */}}
{{- define "tandem.checkpointKeyDir" -}}
/etc/tandem/checkpoints
{{- end }}

{{/*
Checks that cannot live in values.schema.json; each one stops the render with a message.
*/}}
{{- define "tandem.validate" -}}
{{- $_ := required "database.url is required: a deployment never runs the embedded database (e.g. --set database.url=jdbc:postgresql://db:5432/tandem)" .Values.database.url }}
{{- $_ := required "oidc.issuerUri is required: without an issuer Tandem creates demo users whose passwords are public (e.g. --set oidc.issuerUri=https://keycloak.example.com/realms/tandem)" .Values.oidc.issuerUri }}
{{- /* required, not fail: helm lint renders the chart's own values, which name no Secret */}}
{{- $_ := required "checkpoints.keySecret.name is required: every replica must sign checkpoints with the same key, one that outlives the pods, and the production profile creates none; create the Secret (docs/operations.md, \"The checkpoint key\") and name it (e.g. --set checkpoints.keySecret.name=tandem-checkpoint-key)" .Values.checkpoints.keySecret.name }}
{{- $grace := int .Values.terminationGracePeriodSeconds }}
{{- $needed := add (int .Values.preStopSleepSeconds) 30 }}
{{- if le $grace $needed }}
{{- fail (printf "terminationGracePeriodSeconds (%d) must exceed preStopSleepSeconds + the 30 s graceful shutdown phase (%d)" $grace $needed) }}
{{- end }}
{{- if and .Values.autoscaling.enabled (gt (int .Values.autoscaling.minReplicas) (int .Values.autoscaling.maxReplicas)) }}
{{- fail "autoscaling.minReplicas must not exceed autoscaling.maxReplicas" }}
{{- end }}
{{- include "tandem.validatePdb" . }}
{{- end }}

{{/*
A PodDisruptionBudget must still let a node drain: at least one pod may be evicted at any time.
*/}}
{{- define "tandem.validatePdb" -}}
{{- $pdb := .Values.podDisruptionBudget }}
{{- if $pdb.enabled }}
{{- $replicas := int .Values.replicaCount }}
{{- if .Values.autoscaling.enabled }}{{ $replicas = int .Values.autoscaling.minReplicas }}{{ end }}
{{- $hasMax := not (kindIs "invalid" $pdb.maxUnavailable) }}
{{- $hasMin := not (kindIs "invalid" $pdb.minAvailable) }}
{{- if eq $hasMax $hasMin }}
{{- fail "podDisruptionBudget: set exactly one of maxUnavailable and minAvailable" }}
{{- end }}
{{- if $hasMax }}
{{- $max := toString $pdb.maxUnavailable }}
{{- if or (eq $max "0") (eq $max "0%") }}
{{- fail "podDisruptionBudget.maxUnavailable must be at least 1, or no node could be drained" }}
{{- end }}
{{- else }}
{{- $min := toString $pdb.minAvailable }}
{{- $minPods := 0 }}
{{- if hasSuffix "%" $min }}
{{- $minPods = int (ceil (divf (mul (int (trimSuffix "%" $min)) $replicas) 100)) }}
{{- else }}
{{- $minPods = int $min }}
{{- end }}
{{- if ge $minPods $replicas }}
{{- fail (printf "podDisruptionBudget.minAvailable (%s) must stay below the replica count (%d), or no node could be drained; use maxUnavailable: 1" $min $replicas) }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
