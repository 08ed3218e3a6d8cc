import { Module } from '@nestjs/common';
import { RoundWindowService } from './round-window.service';

/** Import this (or RoundsModule) to guard submissions with RoundWindowService.requireOpenForSubmissions. */
@Module({
  providers: [RoundWindowService],
  exports: [RoundWindowService],
})
export class RoundWindowModule {}
