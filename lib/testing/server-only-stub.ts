// Vitest runs server modules directly; the real `server-only` throws outside a React server bundle.
export {};
