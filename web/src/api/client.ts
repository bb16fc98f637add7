// The explorer's only way to the data: POST /graphql on the server that served the page. No credentials
// and no database address ever reach the browser. Failures become an ApiError with a message a person can
// act on (the banner shows it), whether the network, the HTTP layer or GraphQL failed. Every request says
// the reader's language (Accept-Language), in which the server writes what it composes: caveats and the
// explanations of chain gaps and policy reach.

export type ApiErrorKind = 'network' | 'http' | 'graphql' | 'timeout' | 'aborted';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    /** the GraphQL error code (BAD_USER_INPUT, NOT_FOUND, SERVICE_UNAVAILABLE, ...) or the HTTP status */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface GraphQLRequestOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

/**
 * A limit that cut a list field's answer. A list has no field of its own to say so, so the server lists
 * it in the response's `extensions.truncation` (paths, chainGaps as of a day), the message in the
 * reader's language.
 */
export interface TruncationNotice {
  /** the field's name in the request (its alias, if any) */
  readonly path: string;
  readonly reason: string;
  readonly limit: number;
  readonly message: string;
}

/** A request's data, with what the server said it left out. */
export interface GraphQLAnswer<T> {
  readonly data: T;
  readonly truncation: readonly TruncationNotice[];
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
  extensions?: { truncation?: TruncationNotice[] };
}

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export class GraphQLClient {
  /** the reading language (a BCP 47 tag), sent as Accept-Language */
  language: string | undefined;

  constructor(
    private readonly endpoint = '/graphql',
    private readonly fetchImpl: Fetch = (input, init) => fetch(input, init),
  ) {}

  async request<T>(
    query: string,
    variables: Record<string, unknown> = {},
    options: GraphQLRequestOptions = {},
  ): Promise<T> {
    return (await this.answer<T>(query, variables, options)).data;
  }

  /** As `request`, with the limits that cut a list field (`extensions.truncation`). */
  async answer<T>(
    query: string,
    variables: Record<string, unknown> = {},
    options: GraphQLRequestOptions = {},
  ): Promise<GraphQLAnswer<T>> {
    const controller = new AbortController();
    const timeout = setTimeout(
      () => controller.abort(new ApiError('timeout', 'the server did not answer in time')),
      options.timeoutMs ?? 20_000,
    );
    const onAbort = () => controller.abort(new ApiError('aborted', 'request cancelled'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let response: Response;
    try {
      response = await this.fetchImpl(this.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(this.language ? { 'accept-language': this.language } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal: controller.signal,
      });
    } catch (error) {
      const reason = controller.signal.reason;
      if (reason instanceof ApiError) throw reason;
      throw new ApiError(
        'network',
        `the server cannot be reached (${error instanceof Error ? error.message : String(error)})`,
      );
    } finally {
      clearTimeout(timeout);
      options.signal?.removeEventListener('abort', onAbort);
    }

    let body: GraphQLResponse<T> | undefined;
    try {
      body = (await response.json()) as GraphQLResponse<T>;
    } catch {
      body = undefined;
    }
    const first = body?.errors?.[0];
    if (first) {
      const code = first.extensions?.code;
      throw new ApiError('graphql', describeGraphQLError(code, first.message), code);
    }
    if (!response.ok || !body || body.data === undefined || body.data === null) {
      throw new ApiError(
        'http',
        `the server answered ${response.status} ${response.statusText}`.trim(),
        String(response.status),
      );
    }
    return { data: body.data, truncation: body.extensions?.truncation ?? [] };
  }
}

function describeGraphQLError(code: string | undefined, message: string): string {
  switch (code) {
    case 'SERVICE_UNAVAILABLE':
      return `the database is not available right now; try again in a moment (${message})`;
    case 'QUERY_TIMEOUT':
      return `the query took too long; try a smaller depth or fewer hops (${message})`;
    default:
      return message;
  }
}
