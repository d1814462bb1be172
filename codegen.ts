import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed GraphQL documents for the SPA, generated from the committed schema.
// Output (frontend/src/gql/) is not committed: `npm run codegen` runs first in
// build, typecheck, lint, test:unit and dev, so a schema change that breaks the UI
// breaks the build.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['frontend/src/**/*.{ts,tsx}', '!frontend/src/gql/**'],
  generates: {
    'frontend/src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        onlyOperationTypes: true,
        skipTypename: true,
        defaultScalarType: 'unknown',
        scalars: {
          Decimal: 'string',
          DateTime: 'string',
        },
      },
    },
  },
};

export default config;
