import type { Env } from "hono";
import { HonoBase } from "hono/hono-base";
import { RegExpRouter } from "hono/router/reg-exp-router";

/**
 * Hono's app with the one router the default `Hono` picks for the Workers' routes: its
 * `SmartRouter` tries `RegExpRouter`, then `TrieRouter`, and keeps the first that takes every
 * route; `RegExpRouter` takes fixed paths, so the matches are the same, and the bundle holds
 * neither `SmartRouter` nor `TrieRouter` (1 KiB of the upload gzipped).
 */
export class Hono<E extends Env = Env> extends HonoBase<E> {
  constructor() {
    super();
    this.router = new RegExpRouter();
  }
}
