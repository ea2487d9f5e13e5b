/** No usable Docker engine, and none could be provisioned. Exit code 2 at the CLI. */
export class EngineUnavailableError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(hint ? `${message}; ${hint}` : message);
    this.name = "EngineUnavailableError";
  }
}

/** An image failed to build; names the image and the failing step's output. */
export class ImageBuildError extends Error {
  constructor(
    readonly image: string,
    readonly output: string,
  ) {
    super(`image ${image} failed to build: ${output.trim().slice(-1500)}`);
    this.name = "ImageBuildError";
  }
}
