export * from './env';
export * from './config.module';
export * from './tokens';
export * from './secrets';
export * from './quiet-logger';
