// Container healthcheck for the api: GET http://127.0.0.1:$PORT<path> must
// answer 2xx within 4 s. Default path /api/health (liveness); pass
// /api/health/ready to also require PostgreSQL and Redis.
'use strict';

const path = process.argv[2] || '/api/health';
const port = process.env.PORT || '3000';

fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(4000) }).then(
  (response) => {
    if (!response.ok) console.error(`${path} answered ${response.status}`);
    process.exit(response.ok ? 0 : 1);
  },
  (error) => {
    console.error(`${path}: ${error.message}`);
    process.exit(1);
  },
);
