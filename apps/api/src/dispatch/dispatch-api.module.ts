import { Module } from '@nestjs/common';

/** HTTP entry points of the dispatch context (controllers stay thin: validate, call one service method, return). */
@Module({ imports: [], controllers: [], providers: [] })
export class DispatchApiModule {}
