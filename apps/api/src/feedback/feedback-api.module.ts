import { Module } from '@nestjs/common';
import { FeedbackModule } from '@hotline/feedback';
import { CalendarsController } from './calendars.controller';
import { FeedbackAdminController } from './feedback-admin.controller';
import { PublicTicketsController, TicketsController } from './tickets.controller';

/** HTTP entry points of the feedback context (controllers stay thin: validate, call one service method, return). */
@Module({
  imports: [FeedbackModule],
  controllers: [CalendarsController, FeedbackAdminController, TicketsController, PublicTicketsController],
  providers: [],
})
export class FeedbackApiModule {}
