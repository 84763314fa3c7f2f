// The vue adapter is filled in by its own issue; until then it re-exports core.
export * from '@orbital/core';
