/** The console components plugins import most, rendered with PatternFly and the console's class names. */
import * as React from 'react';
import { Alert, Button, ExpandableSection, PageSection, Title } from '@patternfly/react-core';
import { Link, useNavigate } from 'react-router-dom-v5-compat';
import { useAccessReview, type AccessReviewResourceAttributes } from './hooks';
import { modelStore, referenceForGVK, type K8sGroupVersionKind } from './models';
import { ALL_NAMESPACES_KEY, useActiveNamespace } from './hooks';

const refOf = (groupVersionKind?: K8sGroupVersionKind, kind?: string): string =>
  groupVersionKind ? referenceForGVK(groupVersionKind) : (kind ?? '');

const kindOfRef = (ref: string): string => ref.split('~').pop() ?? ref;

export const resourcePath = (ref: string, name?: string, namespace?: string): string => {
  const model = modelStore.lookup(ref);
  const base =
    namespace && model?.namespaced !== false
      ? `/k8s/ns/${namespace}/${ref}`
      : `/k8s/cluster/${ref}`;
  return name ? `${base}/${encodeURIComponent(name)}` : base;
};

export const ResourceIcon: React.FC<{
  groupVersionKind?: K8sGroupVersionKind;
  kind?: string;
  className?: string;
}> = ({ groupVersionKind, kind, className }) => {
  const ref = refOf(groupVersionKind, kind);
  const k = kindOfRef(ref);
  const abbr =
    modelStore.lookup(ref)?.abbr ?? (k.match(/[A-Z]/g) ?? [k[0] ?? '?']).join('').slice(0, 4);
  // As the console's: the badge is decoration, the kind is read out to screen readers.
  return (
    <span
      className={`co-m-resource-icon co-m-resource-${k.toLowerCase()} ${className ?? ''}`}
      title={k}
    >
      <span className="pf-v6-screen-reader">{k}</span>
      <span aria-hidden="true">{abbr}</span>
    </span>
  );
};

export interface ResourceLinkProps {
  groupVersionKind?: K8sGroupVersionKind;
  kind?: string;
  name?: string;
  namespace?: string;
  displayName?: string;
  className?: string;
  inline?: boolean;
  linkTo?: boolean;
  hideIcon?: boolean;
  title?: string;
  dataTest?: string;
  onClick?: () => void;
  truncate?: boolean;
  children?: React.ReactNode;
}

export const ResourceLink: React.FC<ResourceLinkProps> = ({
  groupVersionKind,
  kind,
  name,
  namespace,
  displayName,
  className,
  inline,
  linkTo = true,
  hideIcon,
  title,
  dataTest,
  onClick,
  children,
}) => {
  if (!name) return null;
  const ref = refOf(groupVersionKind, kind);
  const value = displayName || name;
  return (
    <span
      className={`co-resource-item${inline ? ' co-resource-item--inline' : ''} ${className ?? ''}`}
    >
      {!hideIcon && <ResourceIcon groupVersionKind={groupVersionKind} kind={kind} />}
      {linkTo ? (
        <Link
          to={resourcePath(ref, name, namespace)}
          title={title}
          className="co-resource-item__resource-name"
          data-test-id={value}
          data-test={dataTest ?? value}
          onClick={onClick}
        >
          {value}
        </Link>
      ) : (
        <span
          className="co-resource-item__resource-name"
          data-test-id={value}
          data-test={dataTest ?? value}
        >
          {value}
        </span>
      )}
      {children}
    </span>
  );
};

export const DocumentTitle: React.FC<{ children: string }> = ({ children }) => {
  React.useEffect(() => {
    document.title = `${children} · Red Hat OpenShift`;
  }, [children]);
  return null;
};

export const ListPageHeader: React.FC<{
  title: string;
  badge?: React.ReactNode;
  helpText?: React.ReactNode;
  helpAlert?: React.ReactNode;
  hideFavoriteButton?: boolean;
  children?: React.ReactNode;
}> = ({ title, badge, helpText, helpAlert, children }) => (
  <PageSection hasBodyWrapper={false} className="co-m-nav-title">
    {helpAlert}
    <div className="preview-list-header">
      <Title headingLevel="h1" data-test="page-heading">
        {title} {badge}
      </Title>
      {children && <div className="co-operator-details__actions">{children}</div>}
    </div>
    {helpText && <p className="co-m-pane__help-text">{helpText}</p>}
  </PageSection>
);

export const ListPageBody: React.FC<{ children?: React.ReactNode }> = ({ children }) => (
  <PageSection hasBodyWrapper={false}>{children}</PageSection>
);

const useCreateAllowed = (createAccessReview?: {
  groupVersionKind?: K8sGroupVersionKind;
  namespace?: string;
}) => {
  const model = createAccessReview?.groupVersionKind
    ? modelStore.lookup(referenceForGVK(createAccessReview.groupVersionKind))
    : undefined;
  const attrs: AccessReviewResourceAttributes = model
    ? {
        group: model.apiGroup ?? '',
        resource: model.plural,
        verb: 'create',
        namespace: createAccessReview?.namespace,
      }
    : {};
  const [allowed, loading] = useAccessReview(attrs);
  return !createAccessReview || (model ? allowed && !loading : true);
};

export const ListPageCreateLink: React.FC<{
  to: string;
  createAccessReview?: { groupVersionKind?: K8sGroupVersionKind; namespace?: string };
  children?: React.ReactNode;
}> = ({ to, createAccessReview, children }) => {
  const allowed = useCreateAllowed(createAccessReview);
  return allowed ? (
    <Link to={to}>
      <Button variant="primary" data-test="item-create">
        {children}
      </Button>
    </Link>
  ) : null;
};

export const ListPageCreateButton: React.FC<{
  createAccessReview?: { groupVersionKind?: K8sGroupVersionKind; namespace?: string };
  children?: React.ReactNode;
  onClick?: () => void;
  [k: string]: unknown;
}> = ({ createAccessReview, children, ...rest }) => {
  const allowed = useCreateAllowed(createAccessReview);
  return allowed ? (
    <Button variant="primary" data-test="item-create" {...rest}>
      {children}
    </Button>
  ) : null;
};

export const ListPageCreate: React.FC<{
  groupVersionKind: K8sGroupVersionKind | string;
  children?: React.ReactNode;
}> = ({ groupVersionKind, children }) => {
  const [ns] = useActiveNamespace();
  const navigate = useNavigate();
  const ref =
    typeof groupVersionKind === 'string' ? groupVersionKind : referenceForGVK(groupVersionKind);
  return (
    <Button
      variant="primary"
      data-test="item-create"
      onClick={() =>
        navigate(`${resourcePath(ref, undefined, ns === ALL_NAMESPACES_KEY ? undefined : ns)}/~new`)
      }
    >
      {children}
    </Button>
  );
};

export const Timestamp: React.FC<{
  timestamp?: string | number;
  simple?: boolean;
  omitSuffix?: boolean;
  className?: string;
}> = ({ timestamp, simple, className }) => {
  if (!timestamp) return <>-</>;
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return <>-</>;
  const text = d.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
  return simple ? (
    <>{text}</>
  ) : (
    <span
      className={`co-timestamp co-icon-and-text ${className ?? ''}`}
      title={d.toISOString()}
      data-test="timestamp"
    >
      {text}
    </span>
  );
};

export const ErrorBoundaryFallbackPage: React.FC<{
  errorMessage: string;
  componentStack: string;
  stack: string;
  title: string;
}> = ({ errorMessage, componentStack, stack, title }) => (
  <PageSection hasBodyWrapper={false} data-test="error-boundary-fallback">
    <Title headingLevel="h1">{title}</Title>
    <Alert variant="danger" isInline title={errorMessage} />
    <ExpandableSection toggleText="Show details">
      <pre className="co-copy-to-clipboard__text">{stack}</pre>
      <pre className="co-copy-to-clipboard__text">{componentStack}</pre>
    </ExpandableSection>
  </PageSection>
);
