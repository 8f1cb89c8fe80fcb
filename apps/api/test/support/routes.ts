import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface AppRoute {
  method: string;
  /** OpenAPI style: /api/folders/{id}. */
  template: string;
  /** Fastify style, as registered: /api/folders/:id. */
  fastifyPath: string;
  /** `METHOD /template`, the key of route tables in tests. */
  key: string;
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [typeof value === 'string' ? value : '/']);

function join(...parts: string[]): string {
  const joined = `/${parts.map((part) => part.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`;
  return joined;
}

/**
 * Every route of the running Nest application, read from the controllers' routing metadata
 * (what Nest's router registers), each checked to be registered with Fastify.
 */
export function appRoutes(app: NestFastifyApplication): AppRoute[] {
  const fastify = app.getHttpAdapter().getInstance();
  const routes = new Map<string, AppRoute>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller || typeof controller !== 'function') continue;
      const prefixes = asList(Reflect.getMetadata(PATH_METADATA, controller));
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        for (const prefix of prefixes) {
          for (const path of asList(Reflect.getMetadata(PATH_METADATA, handler))) {
            const fastifyPath = join(prefix, path);
            const methodName = RequestMethod[method];
            const template = fastifyPath.replace(/:(\w+)/g, '{$1}');
            const key = `${methodName} ${template}`;
            const methods = methodName === 'ALL' ? ['GET'] : [methodName];
            for (const m of methods) {
              if (!fastify.hasRoute({ method: m as 'GET', url: fastifyPath })) throw new Error(`${key} is declared but not registered with Fastify`);
            }
            routes.set(key, { method: methodName, template, fastifyPath, key });
          }
        }
      }
    }
  }
  return [...routes.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** True when a concrete path (without query) matches a route template. */
export function matchesTemplate(template: string, path: string): boolean {
  const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`);
  return pattern.test(path.split('?')[0]!);
}
