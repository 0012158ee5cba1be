// Every example, one line each: the only registry (the worker, the CLI and the app's landing page read it; the app
// finds each example's view by its folder, src/examples/<id>/view/index.tsx).
export { default as explorer } from './explorer/manifest';
export { default as iaStar } from './ia-star/manifest';
export { default as impc } from './impc/manifest';
export { default as iplanner } from './iplanner/manifest';
export { default as imtsp } from './imtsp/manifest';
export { default as ilogic } from './ilogic/manifest';
export { default as islam } from './islam/manifest';
