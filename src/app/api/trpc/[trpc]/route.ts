import { createTrpcHandler } from "@/server/http/trpc-handler";

const handler = createTrpcHandler();

export { handler as GET, handler as POST };
