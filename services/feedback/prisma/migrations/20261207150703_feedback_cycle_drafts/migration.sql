-- AlterEnum
ALTER TYPE "CycleStatus" ADD VALUE 'DRAFT';

