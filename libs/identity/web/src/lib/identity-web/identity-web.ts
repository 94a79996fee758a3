import { Component } from '@angular/core';

@Component({
  selector: 'th-identity-web',
  imports: [],
  templateUrl: './identity-web.html',
  styleUrl: './identity-web.css'
})
export class IdentityWeb {}
