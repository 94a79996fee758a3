import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { dataSourceOptions } from './data-source-options';
import { EmbeddedPostgres } from './embedded-postgres';

const EMBEDDED_POSTGRES = Symbol('EMBEDDED_POSTGRES');

@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(EMBEDDED_POSTGRES) private readonly embedded: EmbeddedPostgres | null) {}

  static forRoot(): DynamicModule {
    const embeddedProvider = {
      provide: EMBEDDED_POSTGRES,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => (config.databaseUrl ? null : new EmbeddedPostgres(config.dataDir)),
    };
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          extraProviders: [embeddedProvider],
          inject: [APP_CONFIG, EMBEDDED_POSTGRES],
          useFactory: async (config: AppConfig, embedded: EmbeddedPostgres | null) => ({
            ...dataSourceOptions(config.databaseUrl ?? (await embedded?.start()) ?? '', config.isEmbedded),
            migrationsRun: config.migrateOnStart,
            autoLoadEntities: true,
            retryAttempts: 2,
            retryDelay: 500,
          }),
        }),
      ],
      providers: [embeddedProvider],
      exports: [EMBEDDED_POSTGRES],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    // TypeORM closes its pool first (its module shuts down before this one).
    await this.embedded?.stop();
  }
}
