import { Controller, Get, Inject, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { PublicRoute } from '../http/access.decorators';
import { REDIS } from '../queue/redis';

@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  @PublicRoute()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: PostgreSQL and Redis (or their embedded forms) answer. */
  @Get('ready')
  @PublicRoute()
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 2000 }),
      () => this.checkRedis(),
    ]);
  }

  private async checkRedis() {
    const indicator = this.indicators.check('redis');
    if (!this.redis) return indicator.up({ engine: 'in-process' });
    try {
      await this.redis.ping();
      return indicator.up({ engine: 'redis' });
    } catch (error) {
      return indicator.down({ message: String(error) });
    }
  }
}
