import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@thuchoc/shared/api-core';
import { AccessGuard } from './access/access.guard';
import { ScopeService } from './access/scope.service';
import { ActivationTokens } from './auth/activation-tokens';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { LoginThrottleService } from './auth/login-throttle.service';
import { PasswordHasher } from './auth/password-hasher';
import { RefreshToken } from './auth/refresh-token.entity';
import { OrgUnitEvent } from './org-units/org-unit-event.entity';
import { OrgUnit } from './org-units/org-unit.entity';
import { OrgUnitsController } from './org-units/org-units.controller';
import { OrgUnitsService } from './org-units/org-units.service';
import { DemoSeeder } from './seed/demo-seeder';
import { MeController } from './users/me.controller';
import { User } from './users/user.entity';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/** Users, org units, sign-in, and the access guard every route passes through. */
@Module({
  imports: [
    TypeOrmModule.forFeature([OrgUnit, OrgUnitEvent, User, RefreshToken]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A KeyObject, not a string: jsonwebtoken otherwise tries to parse a string
      // secret as a public key on every verify, which costs ~0.3 ms per request.
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.jwtAccessSecret)) }),
    }),
  ],
  controllers: [AuthController, MeController, OrgUnitsController, UsersController],
  providers: [
    ScopeService,
    PasswordHasher,
    ActivationTokens,
    LoginThrottleService,
    AuthService,
    OrgUnitsService,
    UsersService,
    DemoSeeder,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [ScopeService, OrgUnitsService, UsersService, DemoSeeder, ActivationTokens],
})
export class IdentityApiModule {}
