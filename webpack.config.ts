import * as path from 'path';
import { Configuration as WebpackConfiguration } from 'webpack';
import { ConsoleRemotePlugin } from '@openshift-console/dynamic-plugin-sdk-webpack';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import * as fs from 'fs';

const isProd = process.env.NODE_ENV === 'production';

const config: WebpackConfiguration = {
  mode: isProd ? 'production' : 'development',
  // ConsoleRemotePlugin generates the container entry from package.json#consolePlugin.
  entry: {},
  context: path.resolve(__dirname, 'src'),
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: isProd ? '[name]-bundle-[contenthash].min.js' : '[name]-bundle.js',
    chunkFilename: isProd ? '[name]-chunk-[chunkhash].min.js' : '[name]-chunk.js',
  },
  resolve: {
    extensions: ['.ts', '.tsx', '.js', '.jsx'],
    alias: {
      // The console does not share react-dom, and PatternFly only needs createPortal from it:
      // see src/views/shared/react-dom-portal.ts (about 40 KB gzip less in every exposed module).
      'react-dom$': path.resolve(__dirname, 'src/views/shared/react-dom-portal.ts'),
    },
  },
  module: {
    rules: [
      {
        test: /\.(jsx?|tsx?)$/,
        exclude: /node_modules/,
        use: [
          {
            loader: 'ts-loader',
            // Type errors are reported by `npm run typecheck`; the build only transpiles.
            options: { configFile: path.resolve(__dirname, 'tsconfig.json'), transpileOnly: true },
          },
        ],
      },
      {
        test: /\.css$/,
        use: ['style-loader', 'css-loader'],
      },
      {
        test: /\.(png|jpg|jpeg|gif|svg|woff2?|ttf|eot|otf)(\?.*$|$)/,
        type: 'asset/resource',
        generator: { filename: isProd ? 'assets/[contenthash][ext]' : 'assets/[name][ext]' },
      },
      {
        test: /\.(m?js)$/,
        resolve: { fullySpecified: false },
      },
    ],
  },
  plugins: [
    new ConsoleRemotePlugin({
      // PatternFly is bundled (tree-shaken from its index) rather than shared per component with
      // other plugins: each shared component adds a registration to the entry script that every
      // console page loads, and the per-component chunks duplicate helpers. Measured with
      // `npm run size`: entry 4.6 → 3.0 KB gzip, Networking tab 163 → 39 KB gzip with everything
      // it fetches. Consoles 4.19+ do not provide PatternFly themselves, so nothing is lost there.
      sharedDynamicModuleSettings: { packageSpecs: {} },
    }),
    new CopyWebpackPlugin({
      patterns: [{ from: path.resolve(__dirname, 'locales'), to: 'locales' }],
    }),
    {
      // Chunk graph for `npm run size`; kept out of dist/ so it is never served.
      apply: (compiler) => {
        compiler.hooks.done.tap('WriteChunkGraph', (stats) => {
          const json = stats.toJson({
            all: false,
            assets: true,
            chunks: true,
            chunkRelations: true,
            chunkModules: true,
            chunkGroups: true,
            ids: true,
          });
          fs.mkdirSync(path.resolve(__dirname, '.cache'), { recursive: true });
          fs.writeFileSync(
            path.resolve(__dirname, '.cache/chunk-graph.json'),
            JSON.stringify(json),
          );
        });
      },
    },
  ],
  devtool: isProd ? false : 'source-map',
  optimization: {
    chunkIds: isProd ? 'deterministic' : 'named',
    minimize: isProd,
  },
  performance: { hints: false },
};

export default config;
