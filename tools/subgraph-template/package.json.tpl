{
  "name": "@kinerja/__name__",
  "version": "0.1.0",
  "private": true,
  "main": "dist/main.js",
  "scripts": {
    "build": "tsc -b",
    "start": "node dist/main.js"
  },
  "dependencies": {
    "@kinerja/auth": "0.1.0",
    "@kinerja/config": "0.1.0",
    "@kinerja/database": "0.1.0",
    "@kinerja/errors": "0.1.0",
    "@kinerja/events": "0.1.0",
    "@kinerja/http-server": "0.1.0",
    "@kinerja/kernel": "0.1.0",
    "@kinerja/logger": "0.1.0",
    "@kinerja/messaging": "0.1.0",
    "@kinerja/observability": "0.1.0",
    "@kinerja/service-kit": "0.1.0",
    "@kinerja/subgraph": "0.1.0",
    "@prisma/client": "6.19.3",
    "dataloader": "2.2.3",
    "graphql": "16.15.0",
    "reflect-metadata": "0.2.2",
    "type-graphql": "2.0.0-rc.4",
    "zod": "4.6.7"
  }
}
