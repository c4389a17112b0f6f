/** Everything the glossary caches lives under this key, so a change to a term can refresh it all. */
export const glossaryQueryKey = ['glossary'] as const;
export const wordListQueryKey = [...glossaryQueryKey, 'my-words'] as const;
export const wordRequestsQueryKey = [...glossaryQueryKey, 'word-requests'] as const;
