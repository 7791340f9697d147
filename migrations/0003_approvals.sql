CREATE TYPE "public"."action_status" AS ENUM('pending', 'approved', 'running', 'succeeded', 'failed', 'rejected', 'expired', 'cancelled');--> statement-breakpoint
CREATE TABLE "actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tool" text NOT NULL,
	"risk" text NOT NULL,
	"summary" text NOT NULL,
	"input_encrypted" text NOT NULL,
	"input_redacted" jsonb NOT NULL,
	"input_hash" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"target_name" text,
	"status" "action_status" DEFAULT 'pending' NOT NULL,
	"requested_via" text NOT NULL,
	"requested_by_user_id" uuid,
	"requested_by_token_id" uuid,
	"requested_by_label" text NOT NULL,
	"origin" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"decided_by_user_id" uuid,
	"decided_by_label" text,
	"decided_at" timestamp with time zone,
	"reason" text,
	"result_text" text,
	"result_data" jsonb,
	"error" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "approval_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tool" text,
	"risk" text,
	"app_id" uuid,
	"requester_kind" text,
	"decision" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "actions_status_idx" ON "actions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "actions_updated_idx" ON "actions" USING btree ("updated_at");