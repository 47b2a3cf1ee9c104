import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A secret the service made for itself and keeps in the database so every instance and every
 * restart uses the same one (the token signing secret when JWT_SECRET is not set).
 */
@Entity('server_secrets')
export class ServerSecret {
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'server_secrets_pkey' })
  name: string;

  @Column({ type: 'text' })
  value: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
