export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { embeddedTestServer?: { stop(): Promise<void> } })
    .embeddedTestServer;
  if (server) await server.stop();
}
