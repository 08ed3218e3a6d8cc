export * from './entities';
export * from './data-source';
export * from './naming.strategy';
export * from './result-item-list';
export * from './verdict-standing';
export * from './mail-template';
export * from './universe-upsert';
export * from './results-changed';
