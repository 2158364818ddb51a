#!/bin/sh
# Adds (enable) or removes (disable) one plugin in spec.plugins of consoles.operator.openshift.io/cluster.
# Usage: console-plugins.sh enable|disable <plugin-name>
#
# Only our entry is touched, with a JSON patch guarded by a "test" of the resourceVersion read just
# before it: when anyone changes the Console in between (another chart enabling its plugin, say),
# the API server refuses the patch and we read again. A merge patch of the whole list, as the
# console-plugin-template does, would silently drop a plugin added meanwhile.
set -eu
set -f

usage="usage: console-plugins.sh enable|disable <plugin-name>"
action=${1:?$usage}
plugin=${2:?$usage}
case $action in
  enable | disable) ;;
  *) echo "$usage" >&2; exit 2 ;;
esac
resource=consoles.operator.openshift.io/cluster
attempts=${CONSOLE_PATCH_ATTEMPTS:-10}
delay=${CONSOLE_PATCH_RETRY_DELAY:-3}

failures=0
retry() {
  failures=$((failures + 1))
  if [ "$failures" -ge "$attempts" ]; then
    echo "giving up after $failures failed attempts to $action $plugin in $resource" >&2
    exit 1
  fi
  sleep "$delay"
}

while :; do
  # Line 1: resourceVersion; then one plugin name per line. Names are DNS labels: no blanks.
  if ! state=$(oc get "$resource" -o 'jsonpath={.metadata.resourceVersion}{"\n"}{range .spec.plugins[*]}{@}{"\n"}{end}'); then
    retry
    continue
  fi
  version=$(printf '%s\n' "$state" | sed -n 1p)
  count=0
  index=-1
  for name in $(printf '%s\n' "$state" | sed 1d); do
    if [ "$name" = "$plugin" ] && [ "$index" -lt 0 ]; then index=$count; fi
    count=$((count + 1))
  done

  if [ "$action" = enable ] && [ "$index" -ge 0 ]; then
    echo "$plugin is enabled in $resource"
    exit 0
  fi
  if [ "$action" = disable ] && [ "$index" -lt 0 ]; then
    echo "$plugin is not enabled in $resource"
    exit 0
  fi

  guard='{"op":"test","path":"/metadata/resourceVersion","value":"'$version'"}'
  if [ "$action" = disable ]; then
    patch='['$guard',{"op":"test","path":"/spec/plugins/'$index'","value":"'$plugin'"},{"op":"remove","path":"/spec/plugins/'$index'"}]'
  elif [ "$count" -eq 0 ]; then
    patch='['$guard',{"op":"add","path":"/spec/plugins","value":["'$plugin'"]}]'
  else
    patch='['$guard',{"op":"add","path":"/spec/plugins/-","value":"'$plugin'"}]'
  fi
  # On success, loop once more: it confirms the result (and removes a duplicate entry, if any).
  if ! oc patch "$resource" --type=json -p "$patch"; then
    retry
  fi
done
