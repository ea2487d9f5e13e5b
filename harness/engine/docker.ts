import Docker from "dockerode";

let client: Docker | undefined;

/** The process-wide dockerode client for DOCKER_HOST or the default socket; created lazily, never pings. */
export function docker(): Docker {
  client ??= new Docker();
  return client;
}

/** True when the engine answers a ping within `timeoutMs`. */
export async function engineAnswers(timeoutMs = 3000): Promise<boolean> {
  try {
    await Promise.race([docker().ping(), new Promise((_, rej) => setTimeout(() => rej(new Error("ping timeout")), timeoutMs).unref())]);
    return true;
  } catch {
    return false;
  }
}
