import { existsSync } from 'node:fs';
import path from 'node:path';
import { Controller, Get, Header, Res, type DynamicModule } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ServeStaticModule } from '@nestjs/serve-static';
import { REPO_ROOT } from '@remitd/persistence/migrator';
import type { Response } from 'express';
import { Public } from '../http/auth';

/** where `npm run build:console` (vite) writes the web app */
export const CONSOLE_DIR = path.join(REPO_ROOT, 'dist', 'console');

/**
 * The console's pages are public files (the data behind them is not): a tight Content Security
 * Policy (Mantine sets inline styles, no inline script runs), no framing, no referrer leaks.
 * Hashed assets are cached for good; index.html is revalidated so a new build shows at once.
 */
function securityHeaders(res: Response, file: string): void {
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
      "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  );
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader(
    'Cache-Control',
    file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
}

@ApiExcludeController()
@Controller()
class ConsoleRedirectController {
  @Get()
  @Public()
  root(@Res() res: Response) {
    res.redirect(302, '/console/');
  }
}

@ApiExcludeController()
@Controller('console')
class ConsoleMissingController {
  @Get(['', '*path'])
  @Public()
  @Header('Content-Type', 'text/plain; charset=utf-8')
  missing(@Res() res: Response) {
    res
      .status(503)
      .send(
        `The console is not built in ${CONSOLE_DIR}: run \`npm run build:console\` (npm start builds it by itself).`,
      );
  }
}

/**
 * The web console at /console (index.html for every path below it: the app routes in the
 * browser), and / redirecting there. Without a build the API still runs and /console says how
 * to build it.
 */
export function consoleModule(dir = CONSOLE_DIR): DynamicModule {
  const built = existsSync(path.join(dir, 'index.html'));
  if (!built)
    return {
      module: class ConsoleMissingModule {},
      controllers: [ConsoleRedirectController, ConsoleMissingController],
    };
  return {
    module: class ConsoleModule {},
    imports: [
      ServeStaticModule.forRoot({
        rootPath: dir,
        serveRoot: '/console',
        renderPath: '/{*path}',
        // a missing asset is a 404, not the app's page
        exclude: ['/console/assets/{*path}'],
        serveStaticOptions: { setHeaders: securityHeaders, index: 'index.html', fallthrough: true },
      }),
    ],
    controllers: [ConsoleRedirectController],
  };
}
