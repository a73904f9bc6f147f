import type { Server } from "http";

/** A static file server for the files under `root` (not started: call `listen`). See serve-static.js. */
export function createStaticServer(root: string): Server;
