// The API reference: every path of an OpenAPI document with its parameters,
// request body and answers, drawn on the server (no client script) from the
// document /api/v1/openapi.json serves.
import { Fragment, type ReactNode } from 'react';
import { refName, scalarType, schemaConstraints } from '@/lib/api/describeSchema';
import { HTTP_METHODS, type JsonSchema, type OpenApiDocument, type Operation, type Parameter } from '@/lib/api/types';

/** `code` spans of the document's prose as <code>. */
function Prose({ text }: { text: string }) {
  return <>{text.split('`').map((part, i) => (i % 2 ? <code key={i}>{part}</code> : <Fragment key={i}>{part}</Fragment>))}</>;
}

function joined(items: ReactNode[], separator: string) {
  return items.map((item, i) => (
    <Fragment key={i}>
      {i > 0 && separator}
      {item}
    </Fragment>
  ));
}

/** One line saying what a value is: a type, a list, a choice of values or a named schema. */
function TypeOf({ schema }: { schema: JsonSchema }): ReactNode {
  const name = refName(schema);
  if (name) return <a href={`#schema-${name}`}>{name}</a>;
  if (schema.anyOf ?? schema.oneOf) return <>{joined((schema.anyOf ?? schema.oneOf)!.map((s, i) => <TypeOf key={i} schema={s} />), ' or ')}</>;
  if (schema.const !== undefined) return <code>{JSON.stringify(schema.const)}</code>;
  if (schema.enum) return <>one of {joined(schema.enum.map((v) => <code key={String(v)}>{String(v)}</code>), ', ')}</>;
  if (schema.type === 'array') return <>list of {schema.items ? <TypeOf schema={schema.items} /> : 'values'}</>;
  return <>{scalarType(schema)}</>;
}

function Constraints({ schema }: { schema: JsonSchema }) {
  const all = [...schemaConstraints(schema), ...(schema.type === 'array' && schema.items ? schemaConstraints(schema.items) : [])];
  return all.length ? <span className="api-constraints">{all.join('; ')}</span> : null;
}

/** The object a field holds, in a list or beside null, whose fields are drawn below it. */
function objectInside(schema: JsonSchema | undefined): JsonSchema | null {
  if (!schema) return null;
  if (schema.type === 'object' && schema.properties) return schema;
  if (schema.type === 'array') return objectInside(schema.items);
  for (const branch of schema.anyOf ?? []) {
    const found = objectInside(branch);
    if (found) return found;
  }
  return null;
}

/** An object's fields, nested objects drawn inside their field. */
function Fields({ schema }: { schema: JsonSchema }) {
  const required = new Set(schema.required ?? []);
  return (
    <ul className="api-fields">
      {Object.entries(schema.properties ?? {}).map(([name, field]) => {
        const nested = objectInside(field);
        return (
          <li key={name}>
            <code className="api-name">{name}</code> <span className="api-type"><TypeOf schema={field} /></span>
            {!required.has(name) && <span className="muted"> (optional)</span>}
            {field.description && <p><Prose text={field.description} /></p>}
            <Constraints schema={field} />
            {nested && <Fields schema={nested} />}
          </li>
        );
      })}
    </ul>
  );
}

function SchemaBlock({ schema }: { schema: JsonSchema }) {
  if (schema.type === 'object' && schema.properties) return <Fields schema={schema} />;
  return (
    <p>
      <TypeOf schema={schema} /> {schema.description && <span className="muted"><Prose text={schema.description} /></span>}
    </p>
  );
}

function Parameters({ parameters }: { parameters: Parameter[] }) {
  return (
    <ul className="api-fields">
      {parameters.map((p) => (
        <li key={`${p.in}-${p.name}`}>
          <code className="api-name">{p.name}</code> <span className="api-type"><TypeOf schema={p.schema} /></span>
          <span className="muted"> ({p.in === 'query' ? '' : `${p.in}, `}{p.required ? 'required' : 'optional'}{p.explode ? ', repeat or separate with commas' : ''})</span>
          {p.description && <p><Prose text={p.description} /></p>}
          <Constraints schema={p.schema} />
        </li>
      ))}
    </ul>
  );
}

function who(operation: Operation): string {
  return operation.security.some((s) => Object.keys(s).length === 0)
    ? 'Anyone (unless PUBLIC_READ=false); an API token or a session makes it the caller’s.'
    : 'Signed in: an API token or a session.';
}

function OperationSection({ path, method, operation }: { path: string; method: string; operation: Operation }) {
  return (
    <section className="chart-panel api-operation" id={operation.operationId} aria-labelledby={`${operation.operationId}-title`}>
      <h3 id={`${operation.operationId}-title`} className="api-path">
        <span className={`api-method api-method-${method}`}>{method.toUpperCase()}</span> <code>{path}</code>
      </h3>
      <p><strong>{operation.summary}.</strong> {operation.description && <Prose text={operation.description} />}</p>
      <p className="muted">Who: {who(operation)}</p>
      {operation.parameters && operation.parameters.length > 0 && (
        <>
          <h4>Parameters</h4>
          <Parameters parameters={operation.parameters} />
        </>
      )}
      {operation.requestBody && (
        <>
          <h4>Request body</h4>
          {operation.requestBody.description && <p><Prose text={operation.requestBody.description} /></p>}
          {Object.entries(operation.requestBody.content).map(([type, media]) => (
            <div key={type}>
              <p className="api-media"><code>{type}</code></p>
              <SchemaBlock schema={media.schema} />
            </div>
          ))}
        </>
      )}
      <h4>Responses</h4>
      <dl className="api-responses">
        {Object.entries(operation.responses).map(([status, response]) => (
          <div key={status}>
            <dt><code>{status}</code></dt>
            <dd>
              <Prose text={response.description} />
              {Object.entries(response.content ?? {}).map(([type, media]) => (
                <span key={type} className="api-response-type">
                  {' '}<code>{type}</code>: <TypeOf schema={media.schema} />
                </span>
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function ApiReference({ document, jsonHref }: { document: OpenApiDocument; jsonHref: string }) {
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => (item[method] ? [{ path, method, operation: item[method]! }] : [])),
  );
  return (
    <>
      <div className="page-head">
        <h1>API reference</h1>
        <p className="muted">
          {document.info.title}, OpenAPI {document.openapi}. The machine-readable document: <a href={jsonHref}>{jsonHref}</a>.
        </p>
      </div>
      {document.info.description.split('\n\n').map((paragraph, i) => (
        <p key={i} className="api-intro"><Prose text={paragraph} /></p>
      ))}

      <h2 id="authentication">Authentication</h2>
      <dl className="api-responses">
        {Object.entries(document.components.securitySchemes).map(([name, scheme]) => (
          <div key={name}>
            <dt><code>{name}</code></dt>
            <dd>
              {scheme.type === 'http' ? `HTTP ${scheme.scheme}` : `${scheme.in} ${scheme.name}`}. <Prose text={scheme.description} />
            </dd>
          </div>
        ))}
      </dl>

      <nav aria-labelledby="api-contents" className="api-contents">
        <h2 id="api-contents">Paths</h2>
        {document.tags.map((tag) => (
          <Fragment key={tag.name}>
            <h3>{tag.name}</h3>
            <ul>
              {operations
                .filter(({ operation }) => operation.tags.includes(tag.name))
                .map(({ path, method, operation }) => (
                  <li key={operation.operationId}>
                    <a href={`#${operation.operationId}`}><span className="api-method-text">{method.toUpperCase()}</span> <code>{path}</code></a> — {operation.summary}
                  </li>
                ))}
            </ul>
          </Fragment>
        ))}
      </nav>

      {document.tags.map((tag) => (
        <Fragment key={tag.name}>
          <h2 id={`tag-${tag.name.toLowerCase()}`}>{tag.name}</h2>
          <p className="muted">{tag.description}</p>
          {operations
            .filter(({ operation }) => operation.tags.includes(tag.name))
            .map((entry) => <OperationSection key={entry.operation.operationId} {...entry} />)}
        </Fragment>
      ))}

      <h2 id="schemas">Schemas</h2>
      {Object.entries(document.components.schemas).map(([name, schema]) => (
        <section key={name} id={`schema-${name}`} className="chart-panel api-operation" aria-labelledby={`schema-${name}-title`}>
          <h3 id={`schema-${name}-title`}><code>{name}</code></h3>
          {schema.description && <p><Prose text={schema.description} /></p>}
          <SchemaBlock schema={schema} />
        </section>
      ))}
    </>
  );
}
