import { Module } from '@nestjs/common';
import { GeoModule } from '@hotline/geo';
import { CitizensService } from './citizens.service';

@Module({ imports: [GeoModule], providers: [CitizensService], exports: [CitizensService] })
export class CallsModule {}
