import { dict } from './dict';

/** Live results pages (issue #17, item 3): the quiet line that says when the numbers last changed. */
export const liveDict = dict(
  {
    'live.announce': 'Resultados actualizados',
    'live.updatedSeconds': 'Resultados actualizados hace {n} s',
    'live.updatedMinutes': 'Resultados actualizados hace {n} min',
  },
  {
    'live.announce': 'Results updated',
    'live.updatedSeconds': 'Results updated {n} s ago',
    'live.updatedMinutes': 'Results updated {n} min ago',
  },
);
