import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '@thuchoc/identity/api';
import { Role } from '@thuchoc/identity/contracts';
import { ChainBreak, ChainVerification, LedgerEntryResponse } from '@thuchoc/integrity/contracts';
import { IsString, Matches } from 'class-validator';
import { LedgerService } from './ledger.service';

class ChainQueryDto {
  /** A chain key: the kind of subject and its id, e.g. `class:7d1f…`. */
  @ApiProperty({ example: 'class:7d1f3c2a-…' })
  @IsString()
  @Matches(/^[a-z][a-z-]*:[\w-]{1,64}$/, { message: 'chain must look like kind:id' })
  chain!: string;
}

class ChainVerificationDto implements ChainVerification {
  @ApiProperty() chain!: string;
  @ApiProperty() sealedEntries!: number;
  @ApiProperty() unsealedEntries!: number;
  @ApiProperty() isIntact!: boolean;
  @ApiProperty({ nullable: true, type: String }) firstBrokenEntryId!: string | null;
  @ApiProperty({ nullable: true, type: Number }) firstBrokenSeq!: number | null;
  @ApiProperty({ nullable: true, enum: ChainBreak }) breakKind!: ChainBreak | null;
  @ApiProperty() verifiedAt!: string;
}

/**
 * Admin access for now: each domain that records on a chain (classes first)
 * will expose its own history and verification routes scoped by its resource.
 */
@ApiTags('integrity')
@Controller('integrity/ledger')
export class IntegrityController {
  constructor(private readonly ledger: LedgerService) {}

  @Get()
  @Roles(Role.Admin)
  entries(@Query() query: ChainQueryDto): Promise<LedgerEntryResponse[]> {
    return this.ledger.entries(query.chain);
  }

  /** Recomputes the chain's hashes and names the first broken entry. */
  @Post('verification')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOkResponse({ type: ChainVerificationDto })
  verify(@Query() query: ChainQueryDto): Promise<ChainVerification> {
    return this.ledger.verify(query.chain);
  }
}
