# The image the Helm chart deploys: the production build of the plugin served by nginx.
# Build:  podman build -t <registry>/vm-networking-console-plugin:<version> .
# nginx's configuration (TLS on 9443, MIME types, caching) comes from the chart's ConfigMap.

# --- build stage: Node 20 ---
FROM registry.access.redhat.com/ubi9/nodejs-20:latest AS build
WORKDIR /opt/app-root/src
# Dependencies first, so that a source change does not reinstall them.
COPY --chown=1001:0 package.json package-lock.json ./
# The preview host's console 4.22 modules are an npm workspace: npm ci needs its package.json.
COPY --chown=1001:0 preview/console-4.22/package.json preview/console-4.22/
RUN npm ci --no-audit --no-fund
COPY --chown=1001:0 . .
RUN npm run build

# --- runtime stage: nginx, unprivileged ---
FROM registry.access.redhat.com/ubi9/nginx-124:latest
# The root the chart's nginx.conf serves.
COPY --from=build --chown=0:0 /opt/app-root/src/dist /usr/share/nginx/html
# Any UID works (OpenShift assigns one); files are world-readable and nothing is written outside /tmp.
USER 1001
EXPOSE 9443
CMD ["nginx", "-g", "daemon off;"]
