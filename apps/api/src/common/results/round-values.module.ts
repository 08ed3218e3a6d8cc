import { Module } from '@nestjs/common';
import { RoundValuesCache } from './round-values-cache';

/** The per-round cache of institution values (RoundValuesCache), shared by the results and the validators' profile. */
@Module({
  providers: [RoundValuesCache],
  exports: [RoundValuesCache],
})
export class RoundValuesModule {}
