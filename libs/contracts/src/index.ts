export * from './constants.js';
export * from './common.js';
export * from './users.js';
export * from './auth.js';
export * from './bundle.js';
export * from './authoring.js';
export * from './glossary.js';
export * from './learning.js';
