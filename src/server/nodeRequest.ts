/**
 * The `Request` the Node adapter hands a handler: a real `Request` (URL, method, headers), with
 * two costs of Node's Fetch implementation left out where they are not needed.
 *
 * - The signal is made only when asked for, or when the client disconnects (`abortNodeRequest`):
 *   a `Request` built with `{ signal }` makes Node follow that signal, with a finalization
 *   registry, on every request, which costs more than the rest of the request.
 * - A body read into memory beforehand (`bytes`) is served from it by `arrayBuffer`, `text`,
 *   `json`, `blob`, `bytes`, `formData` and `clone`, and `readJsonBody` takes it without a stream;
 *   `body` makes a stream of it only if someone asks. Only for handlers that read bodies through
 *   those methods (createUpgradeHandler, see handlerAnswer.ts): Node's own `fetch(request)` and
 *   `new Request(request)` look past these methods, at a body this Request does not have.
 *
 * Runtime-neutral (Web APIs only), so that readJsonBody can recognise it.
 */
export class NodeRequest extends Request {
  #controller: AbortController | undefined;
  /** `undefined`: the body, if any, is the Request's own (a stream). */
  readonly #bytes: Uint8Array | undefined;
  #used = false;
  #stream: ReadableStream<Uint8Array<ArrayBuffer>> | undefined;

  constructor(input: string | URL, init: RequestInit & { duplex?: "half" }, bytes?: Uint8Array) {
    super(input, init);
    this.#bytes = bytes;
  }

  override get signal(): AbortSignal {
    return (this.#controller ??= new AbortController()).signal;
  }

  /** Aborts the signal, made now if nobody asked for it yet (so a later read sees it aborted). */
  static abort(request: NodeRequest): void {
    (request.#controller ??= new AbortController()).abort(new DOMException("The client disconnected.", "AbortError"));
  }

  /**
   * The buffered body of a `NodeRequest`, taken (the body is then used); `undefined` for any other
   * request or a streamed body. A brand check, not `instanceof`: a test environment's `Request`
   * (jsdom's) may define `Symbol.hasInstance`, which subclasses inherit, so `instanceof NodeRequest`
   * can be true of every Request.
   */
  static takeBytes(request: Request): Uint8Array | undefined {
    if (!(#bytes in request) || request.bodyUsed) return undefined;
    return request.#bytes === undefined ? undefined : request.#take();
  }

  #take(): Uint8Array {
    if (this.#used || this.#stream !== undefined) throw new TypeError("Body is unusable: it has already been read.");
    this.#used = true;
    return this.#bytes!;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    if (this.#bytes === undefined) return super.body;
    if (this.#stream === undefined && !this.#used) {
      const bytes = this.#bytes;
      this.#stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
        start(controller) {
          if (bytes.byteLength > 0) controller.enqueue(bytes.slice());
          controller.close();
        },
      });
    }
    return this.#stream ?? null;
  }

  override get bodyUsed(): boolean {
    if (this.#bytes === undefined) return super.bodyUsed;
    return this.#used || (this.#stream !== undefined && this.#stream.locked);
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    if (this.#bytes === undefined) return super.arrayBuffer();
    return this.#settle(() => {
      const bytes = this.#take();
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    });
  }

  override bytes(): Promise<Uint8Array<ArrayBuffer>> {
    if (this.#bytes === undefined) return super.bytes();
    return this.#settle(() => this.#take().slice());
  }

  override text(): Promise<string> {
    if (this.#bytes === undefined) return super.text();
    return this.#settle(() => new TextDecoder().decode(this.#take()));
  }

  override json(): Promise<any> {
    if (this.#bytes === undefined) return super.json();
    return this.#settle(() => JSON.parse(new TextDecoder().decode(this.#take())) as unknown);
  }

  override blob(): Promise<Blob> {
    if (this.#bytes === undefined) return super.blob();
    return this.#settle(() => new Blob([this.#take().slice()], { type: this.headers.get("content-type") ?? "" }));
  }

  override formData(): Promise<FormData> {
    if (this.#bytes === undefined) return super.formData();
    return this.#settle(() => new Response(this.#take().slice(), { headers: { "content-type": this.headers.get("content-type") ?? "" } })).then(
      (response) => response.formData(),
    );
  }

  override clone(): Request {
    if (this.#bytes === undefined) return super.clone();
    if (this.bodyUsed) throw new TypeError("Body is unusable: it has already been read.");
    const copy = new NodeRequest(this.url, { method: this.method, headers: this.headers }, this.#bytes);
    if (this.#controller?.signal.aborted) NodeRequest.abort(copy);
    else this.#controller?.signal.addEventListener("abort", () => NodeRequest.abort(copy), { once: true });
    return copy;
  }

  #settle<T>(read: () => T): Promise<T> {
    try {
      return Promise.resolve(read());
    } catch (error) {
      return Promise.reject(error);
    }
  }
}
