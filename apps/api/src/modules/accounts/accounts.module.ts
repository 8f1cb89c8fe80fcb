import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { TaxonomyModule } from '../taxonomy/taxonomy.module.js';
import { AccountSecurityService } from './account-security.service.js';
import { AccountController } from './account.controller.js';
import { AuthController } from './auth.controller.js';
import { EmailTokensRepository } from './email-tokens.repository.js';
import { LocalStrategy } from './local.strategy.js';
import { LoginLogRepository } from './login-log.repository.js';
import { LoginService } from './login.service.js';
import { MembersController } from './members.controller.js';
import { MembersRepository } from './members.repository.js';
import { PasswordResetService } from './password-reset.service.js';
import { Passwords } from './passwords.js';
import { ProfileController } from './profile.controller.js';
import { ProfileService } from './profile.service.js';
import { RegistrationService } from './registration.service.js';
import { RetentionService } from './retention.service.js';
import { SecondFactorRepository } from './second-factor.repository.js';
import { TwoFactorService } from './two-factor.service.js';

/** Member accounts: registration, log-in, 2FA, sessions, profile, retention of security logs. */
@Module({
  imports: [PassportModule, TaxonomyModule],
  controllers: [AuthController, AccountController, ProfileController, MembersController],
  providers: [
    MembersRepository,
    EmailTokensRepository,
    LoginLogRepository,
    SecondFactorRepository,
    Passwords,
    RegistrationService,
    LoginService,
    LocalStrategy,
    PasswordResetService,
    TwoFactorService,
    AccountSecurityService,
    ProfileService,
    RetentionService,
  ],
  exports: [RegistrationService, RetentionService, MembersRepository, ProfileService, Passwords, TwoFactorService],
})
export class AccountsModule {}
