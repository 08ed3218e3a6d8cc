import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from '@apertura/db';
import { ENV, Env } from '@apertura/config';
import { UsersDataModule } from '../common/users/users-data.module';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { LoginFailures } from './login-failures';
import { PasswordResetService } from './password-reset';

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity]),
    UsersDataModule,
    JwtModule.registerAsync({
      inject: [ENV],
      useFactory: (env: Env) => ({
        secret: env.JWT_SECRET,
        signOptions: { expiresIn: env.JWT_TTL_SECONDS, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    AuthRepository,
    LoginFailures,
    PasswordResetService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AuthService, JwtModule],
})
export class AuthModule {}
