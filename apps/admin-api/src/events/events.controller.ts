import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { STAFF } from '@remitd/access';
import type { Request, Response } from 'express';
import { Roles } from '../http/auth';
import { ApiErrors } from '../http/openapi';
import { RemittanceEventsHub } from './remittance-events.hub';

@ApiTags('events')
@ApiBearerAuth()
@ApiErrors()
@Controller('events')
export class EventsController {
  constructor(private readonly hub: RemittanceEventsHub) {}

  @Get()
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'Live updates as server-sent events',
    description:
      '`event: remittance` with `data: {"id","kind":"created"|"updated","state","customerId","currency","remittedAmount","ownerId","at"}` ' +
      'whenever a remittance is created or its state or owner changes; a `: ping` comment every 15 s. ' +
      'The stream never ends by itself; reconnect (EventSource does) and reload what you show, as events sent while disconnected are not replayed.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'an endless text/event-stream',
    content: { 'text/event-stream': { schema: { type: 'string', example: 'event: remittance\ndata: {…}\n\n' } } },
  })
  async stream(@Req() req: Request, @Res() res: Response): Promise<void> {
    // headers go out only once the LISTEN connection is up: what commits after that is sent
    await this.hub.listening();
    if (req.destroyed || res.writableEnded) return;
    req.socket.setTimeout(0);
    req.socket.setNoDelay(true);
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    // no-transform: proxies must not compress or rewrite; X-Accel-Buffering: nginx must not buffer
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('X-Accel-Buffering', 'no');
    res.setHeader('Connection', 'keep-alive');
    res.flushHeaders();
    res.write('retry: 3000\n: connected\n\n');
    this.hub.add(res);
  }
}
