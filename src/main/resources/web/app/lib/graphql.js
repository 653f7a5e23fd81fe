// The page talks only to the public GraphQL API. Reads go as GET, so that a repeated view is
// served by the server's response cache and by the browser's HTTP cache; writes (and reads that
// carry an editor token) go as POST.
export class GraphQLError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join('\n'));
    this.errors = errors;
    this.code = errors[0]?.extensions?.code;
  }
}

// One spelling per document, so that the same view always asks the same URL.
const compact = (document) => document.replace(/#[^\n]*/g, '').replace(/\s+/g, ' ').trim();

export async function query(document, variables = {}) {
  const params = new URLSearchParams({ query: compact(document) });
  if (Object.keys(variables).length) params.set('variables', JSON.stringify(variables));
  return answer(await fetch(`/graphql?${params}`, { headers: { Accept: 'application/json' } }));
}

export async function post(document, variables = {}, token = null) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  return answer(await fetch('/graphql', {
    method: 'POST', headers, body: JSON.stringify({ query: compact(document), variables }),
  }));
}

async function answer(response) {
  let json;
  try {
    json = await response.json();
  } catch {
    throw new GraphQLError([{ message: `The server answered HTTP ${response.status} without a GraphQL answer.` }]);
  }
  if (json.errors?.length) throw new GraphQLError(json.errors);
  return json.data;
}
