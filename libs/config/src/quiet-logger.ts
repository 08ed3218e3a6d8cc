import { ConsoleLogger, LogLevel } from '@nestjs/common';

/**
 * Nest's own start-up chatter — one line per module, controller and route (≈ 200 lines for the API) —
 * at debug level, so a start ends with what a person needs (issue #15 item 7: the demo sign-in banner
 * is the last thing `npm start` prints); the API prints one line with the number of routes instead.
 * LOG_LEVEL=debug shows them all again.
 */
const CHATTY = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

export class QuietStartupLogger extends ConsoleLogger {
  constructor(levels: LogLevel[]) {
    super('Apertura', { logLevels: levels });
  }

  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams[optionalParams.length - 1];
    if (typeof context === 'string' && CHATTY.has(context)) {
      super.debug(message, ...optionalParams);
      return;
    }
    super.log(message, ...optionalParams);
  }
}
