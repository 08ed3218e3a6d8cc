import type { Lang } from './dict';
import { common } from './common';
import { respond } from './respond';
import { citizen } from './citizen';
import { consoleDict } from './console';
import { resultsDict } from './results';
import { account } from './account';
import { dueProcessDict } from './due-process';
import { rightOfReplyDict } from './right-of-reply';
import { mailDict } from './mail';
import { invitationsDict } from './invitations';

import { responsesDict } from './responses';
import { roundsAdminDict } from './rounds-admin';
import { peopleDict } from './people';
import { setupDict } from './setup';
import { liveDict } from './live';
import { trendsDict } from './trends';
import { designerDict } from './designer';
import { validatorWorkDict } from './validator-work';
import { respondProgressDict } from './respond-progress';
import { commitmentsDict } from './commitments';
import { cosignDict } from './cosign';

const sections = [
  common,
  respond,
  citizen,
  consoleDict,
  resultsDict,
  dueProcessDict,
  account,
  rightOfReplyDict,
  mailDict,
  invitationsDict,
  responsesDict,
  roundsAdminDict,
  peopleDict,
  setupDict,
  liveDict,
  trendsDict,
  designerDict,
  validatorWorkDict,
  respondProgressDict,
  commitmentsDict,
  cosignDict,
] as const;

type Section = (typeof sections)[number];
type KeysOf<S> = S extends { es: Record<infer K, string> } ? K : never;
export type MessageKey = KeysOf<Section>;

function merge(lang: Lang): Record<MessageKey, string> {
  return Object.assign({}, ...sections.map((s) => s[lang])) as Record<MessageKey, string>;
}

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { es: merge('es'), en: merge('en') };
