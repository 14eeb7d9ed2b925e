{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": { "rootDir": "src", "outDir": "dist", "tsBuildInfoFile": "dist/.tsbuildinfo" },
  "include": ["src"],
  "exclude": ["src/**/*.spec.ts"],
  "references": [
    { "path": "../../packages/config" },
    { "path": "../../packages/logger" },
    { "path": "../../packages/errors" },
    { "path": "../../packages/auth" },
    { "path": "../../packages/database" },
    { "path": "../../packages/events" },
    { "path": "../../packages/messaging" },
    { "path": "../../packages/observability" },
    { "path": "../../packages/http-server" },
    { "path": "../../packages/subgraph" },
    { "path": "../../packages/kernel" },
    { "path": "../../packages/service-kit" }
  ]
}
