import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A failed login, kept a day for throttling. Throttling lives in the database so every instance
 * behind a load balancer sees the same counts.
 */
@Entity('login_failures')
@Index('login_failures_address_idx', ['clientAddress', 'at'])
@Index('login_failures_certificate_address_idx', ['certificateNumber', 'clientAddress', 'at'])
@Index('login_failures_certificate_idx', ['certificateNumber', 'at'])
export class LoginFailure {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  certificateNumber: string;

  @Column({ type: 'varchar', length: 64 })
  clientAddress: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
